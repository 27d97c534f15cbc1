package dev.drsorchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.LocalSystem;
import dev.drsorchestrator.local.Rest;
import dev.drsorchestrator.local.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console end to end: the whole local system (devstack, the five services and the console, each its packaged
 * jar) and a real headless Chromium driven by Playwright ({@code src/main/webapp/e2e}, run with {@code npm run e2e}).
 * This class starts the system, seeds a small fleet and the users, hands the browser tests what they need in a JSON
 * file, and fails with their output when they fail. Screenshots of each page go to {@code target/screenshots}.
 */
class ConsoleEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT =
            Path.of(System.getProperty("drs.root", "..")).toAbsolutePath().normalize();
    private static final Path WEBAPP = Path.of(System.getProperty("console.webapp", "src/main/webapp"));
    private static final Path TARGET = ROOT.resolve("console/target");

    private static LocalSystem system;
    private static Users users;
    private static DevstackAdmin devstack;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(new LocalSystem.Options(ROOT)
                .freePorts()
                .fast()
                .console()
                .seed(7)
                .logs(TARGET.resolve("e2e-logs"))
                .out(System.out));
        devstack = new DevstackAdmin(new Rest(), system.url(Component.DEVSTACK));
        // Quick launches: the drill takes seconds, and each wave's change is still seen on its own.
        devstack.timings(200, 100, 1500, 2500);
        users = Users.create(system.url(Component.DEVSTACK));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theBrowserTestsPass() throws IOException, InterruptedException {
        // Two accounts' worth of servers, all replicating, synced into the catalog (the picker's inventory).
        List<DevstackAdmin.Server> fleet =
                devstack.generateFleet(12, LocalSystem.FLEET_ACCOUNTS, List.of("db", "app", "web"), 0.0, "");
        new Estate(system, users).syncInventory(fleet, Duration.ofSeconds(60));

        ObjectNode context = JSON.createObjectNode()
                .put("consoleUrl", system.url(Component.CONSOLE))
                .put("devstackUrl", system.url(Component.DEVSTACK))
                .put("screenshots", TARGET.resolve("screenshots").toString())
                .put("timings", TARGET.resolve("console-timings.json").toString());
        ObjectNode passwords = context.putObject("passwords");
        users.passwords().forEach(passwords::put);
        ArrayNode servers = context.putArray("servers");
        fleet.forEach(s -> servers.addObject()
                .put("id", s.id())
                .put("hostname", s.hostname())
                .put("account", s.account())
                .put("tier", s.tier()));
        Path file = TARGET.resolve("e2e-context.json");
        Files.createDirectories(TARGET);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), context);

        Path output = TARGET.resolve("e2e-output.txt");
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e")
                .directory(WEBAPP.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        npm.environment().put("E2E_CONTEXT", file.toString());
        npm.environment().put("FORCE_COLOR", "0");
        Process run = npm.start();
        boolean ended = run.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            // npm, vitest under it and the Chromium it drives: every one this test started.
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        String printed = Files.readString(output);
        System.out.println(printed);
        assertThat(ended).as("the browser tests ended within 15 minutes").isTrue();
        assertThat(run.exitValue())
                .as(
                        "npm run e2e (the browser tests; their output is above and in %s, screenshots in %s)",
                        output, TARGET.resolve("screenshots"))
                .isZero();
    }
}
