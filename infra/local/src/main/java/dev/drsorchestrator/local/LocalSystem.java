package dev.drsorchestrator.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * devstack, the five services (and, when asked, the console) as child processes of this JVM, each from its packaged jar, each logging to its own
 * file in one folder, every service pointed at devstack and creating its own tables, queues, rules and topic (the
 * routing table in {@code contracts} is what the services provision from). {@link #close()} stops every child it
 * started. The run command ({@link Main}) and the system tests use this one launcher.
 */
public final class LocalSystem implements AutoCloseable {

    /** devstack's own account: where the orchestrator runs, and the account whose credentials the services use. */
    public static final String ACCOUNT = "000000000000";

    public static final String REGION = "us-east-1";

    /** The staging accounts of the demo fleet, reached by drs-adapter through a role in each (as in AWS). */
    public static final List<String> FLEET_ACCOUNTS = List.of("111111111111", "222222222222");

    private static final int FREE_PORTS_FROM = 20_000;
    private static final int FREE_PORTS_TO = 32_000;

    /** How the system is started. */
    public static final class Options {
        private final Path root;
        private Path logs;
        private boolean freePorts;
        private long seed = 42;
        private boolean fast;
        private boolean console;
        private boolean peakJit;
        private final Duration readyTimeout = Duration.ofSeconds(120);
        private PrintStream out = System.out;
        private final Map<Component, Map<String, String>> settings = new EnumMap<>(Component.class);

        public Options(Path root) {
            this.root = root.toAbsolutePath().normalize();
            this.logs = this.root.resolve("infra/local/target/logs");
        }

        /** Where each component's log goes ({@code <component>.log}). */
        public Options logs(Path folder) {
            this.logs = folder.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Free ports (20000–31999) instead of the well-known 4566 and 8081–8085: tests, or a second system next to
         * yours.
         */
        public Options freePorts() {
            this.freePorts = true;
            return this;
        }

        /** devstack's seed: the same seed and the same calls give the same ids and launch times. */
        public Options seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Tests' pace: shorter leases, polls and sweeps, so a crash is recovered from in seconds, not a minute. */
        public Options fast() {
            this.fast = true;
            return this;
        }

        /** Starts the console too (after the services, which it proxies); the system tests do without it. */
        public Options console() {
            this.console = true;
            return this;
        }

        /**
         * The services with the JVM's full JIT (C1 and C2, as in AWS) instead of C1 only: they start slower on a small
         * machine but run their hot paths faster once warm (the benchmark).
         */
        public Options peakJit() {
            this.peakJit = true;
            return this;
        }

        public Options out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** A setting for one service ({@code -Dname=value}), over the launcher's own. */
        public Options set(Component component, String name, String value) {
            settings.computeIfAbsent(component, c -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Path root() {
            return root;
        }

        public Path logs() {
            return logs;
        }
    }

    private final Options options;
    private final Map<Component, Integer> ports;
    private final Map<Component, Process> processes = Collections.synchronizedMap(new EnumMap<>(Component.class));
    private volatile boolean closing;

    private LocalSystem(Options options, Map<Component, Integer> ports) {
        this.options = options;
        this.ports = ports;
    }

    /**
     * Starts devstack, then the five services at once, and returns when every one answers ready.
     *
     * @throws IllegalStateException naming what is missing or what failed, with the end of its log
     */
    public static LocalSystem start(Options options) {
        List<String> missing = new ArrayList<>();
        for (Component c : components(options)) {
            if (!Files.isRegularFile(c.jar(options.root))) {
                missing.add(options.root.relativize(c.jar(options.root)).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing) + ". Build them first with `"
                    + "./mvnw package -DskipTests` (infra/local/run does this for you).");
        }
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        for (Component c : components(options)) {
            ports.put(c, options.freePorts ? freePort(Set.copyOf(ports.values())) : requireFree(c));
        }
        LocalSystem system = new LocalSystem(options, ports);
        try {
            Files.createDirectories(options.logs);
            system.start(Component.DEVSTACK);
            List<Component> services = List.of(Component.values()).stream()
                    .filter(Component::isService)
                    .toList();
            services.forEach(system::launch);
            for (Component c : services) {
                system.awaitReady(c);
            }
            if (options.console) {
                system.start(Component.CONSOLE);
            }
            return system;
        } catch (IOException e) {
            system.close();
            throw new UncheckedIOException("cannot create the log folder " + options.logs, e);
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** What {@code options} starts: devstack and the five services, and the console when asked. */
    private static List<Component> components(Options options) {
        return List.of(Component.values()).stream()
                .filter(c -> c != Component.CONSOLE || options.console)
                .toList();
    }

    /** Whether this system has a console. */
    public boolean hasConsole() {
        return ports.containsKey(Component.CONSOLE);
    }

    /** The base URL of a component, e.g. {@code http://127.0.0.1:8083}. */
    public String url(Component c) {
        return "http://127.0.0.1:" + ports.get(c);
    }

    public int port(Component c) {
        return ports.get(c);
    }

    public Path log(Component c) {
        return options.logs.resolve(c.displayName() + ".log");
    }

    public Path logs() {
        return options.logs;
    }

    /** Starts one component (again) and waits until it is ready. */
    public void start(Component c) {
        launch(c);
        awaitReady(c);
    }

    /** Kills one component at once (SIGKILL), as a crash or a lost host would: no shutdown hook runs. */
    public void kill(Component c) {
        Process p = processes.remove(c);
        if (p != null) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(30));
            note(c, "killed (SIGKILL)");
        }
    }

    /** Stops one component gracefully (SIGTERM), forcibly after 20 seconds. */
    public void stop(Component c) {
        Process p = processes.remove(c);
        if (p != null) {
            p.destroy();
            if (!waitFor(p, Duration.ofSeconds(20))) {
                p.destroyForcibly();
                waitFor(p, Duration.ofSeconds(10));
            }
        }
    }

    public boolean isRunning(Component c) {
        Process p = processes.get(c);
        return p != null && p.isAlive();
    }

    /** Completes when any child ends; {@code null} when the system is being closed. */
    public CompletableFuture<@Nullable Component> anyExit() {
        List<CompletableFuture<Component>> exits = new ArrayList<>();
        synchronized (processes) {
            processes.forEach((c, p) -> exits.add(p.onExit().thenApply(done -> c)));
        }
        return CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new))
                .thenApply(c -> closing ? null : (Component) c);
    }

    public int exitCode(Component c) {
        Process p = processes.get(c);
        return p == null || p.isAlive() ? -1 : p.exitValue();
    }

    /** Stops the services, then devstack: everything this launcher started. */
    @Override
    public void close() {
        closing = true;
        stop(Component.CONSOLE);
        List<Component> services = List.of(Component.values()).stream()
                .filter(Component::isService)
                .toList();
        // Ask every service at once (each takes a few seconds to stop); then devstack, which they talk to.
        Map<Component, Process> stopping = new EnumMap<>(Component.class);
        for (Component c : services) {
            Process p = processes.remove(c);
            if (p != null) {
                p.destroy();
                stopping.put(c, p);
            }
        }
        stopping.forEach((c, p) -> {
            if (!waitFor(p, Duration.ofSeconds(20))) {
                p.destroyForcibly();
                waitFor(p, Duration.ofSeconds(10));
            }
        });
        stop(Component.DEVSTACK);
    }

    /** The last lines of a component's log, for an error message. */
    public String tail(Component c, int lines) {
        try {
            List<String> all = Files.readAllLines(log(c), StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(l -> "    " + l)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "    (no log: " + e.getMessage() + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void launch(Component c) {
        if (isRunning(c)) {
            throw new IllegalStateException(
                    c + " is already running (pid " + processes.get(c).pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (c == Component.DEVSTACK) {
            command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC"));
        } else {
            // C1 only: the services start in about half the time on a small machine, and they are not CPU-bound.
            command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC"));
            if (!options.peakJit) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            // Neither %dev nor %prod (which wants AWS's names from the environment): the base settings plus the
            // launcher's own below.
            command.add("-Dquarkus.profile=local");
        }
        settings(c).forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(c.jar(options.root).toString());
        if (c == Component.DEVSTACK) {
            command.addAll(List.of(
                    "--port",
                    String.valueOf(port(c)),
                    "--account",
                    ACCOUNT,
                    "--region",
                    REGION,
                    "--seed",
                    String.valueOf(options.seed)));
        }
        Path log = log(c);
        try {
            Files.writeString(
                    log,
                    "==== " + LocalDateTime.now() + " starting " + c + " on port " + port(c) + ": "
                            + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(command)
                    .directory(options.root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            processes.put(c, p);
            note(c, "starting on " + url(c) + " (pid " + p.pid() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + c + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Component c) {
        Rest rest = new Rest();
        Instant started = Instant.now();
        Instant deadline = started.plus(options.readyTimeout);
        Process p = processes.get(c);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(c + " exited with code " + (p == null ? "?" : p.exitValue())
                        + " before it was ready. The end of " + log(c) + ":\n" + tail(c, 25));
            }
            var answer = rest.probe(url(c) + c.readyPath());
            if (answer.isPresent() && answer.get().status() == 200) {
                note(c, "ready in " + Duration.between(started, Instant.now()).toMillis() + " ms");
                return;
            }
            last = answer.map(Rest.Response::toString).orElse(last);
            // Waits for the poll interval, or less when the process ends.
            waitFor(p, Duration.ofMillis(250));
        }
        throw new IllegalStateException(c + " was not ready within " + options.readyTimeout.toSeconds() + " s (last: "
                + last + "). The end of " + log(c) + ":\n" + tail(c, 25));
    }

    private Map<String, String> settings(Component c) {
        Map<String, String> s = new LinkedHashMap<>();
        if (c == Component.DEVSTACK) {
            s.put("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
            s.putAll(options.settings.getOrDefault(c, Map.of()));
            return s;
        }
        String endpoint = url(Component.DEVSTACK);
        s.put("quarkus.http.port", String.valueOf(port(c)));
        s.put("quarkus.http.host", "127.0.0.1");
        if (c == Component.CONSOLE) {
            // Sign-in at devstack's user pool; /api/<service>/… to each service started here.
            s.put("console.oidc.authority", endpoint + "/" + Users.POOL);
            s.put("console.oidc.client-id", Users.CLIENT);
            s.put("console.environment", "local");
            for (Component service : Component.values()) {
                if (service.isService()) {
                    s.put("console.services." + service.displayName(), url(service));
                }
            }
            s.putAll(options.settings.getOrDefault(c, Map.of()));
            return s;
        }
        // Create the tables, the inbox queue and its dead-letter queue, the bus and the rules from the routing table.
        s.put("kit.provision", "true");
        s.put("kit.aws.endpoint-override", endpoint);
        s.put("kit.aws.region", REGION);
        s.put("kit.aws.access-key-id", "devstack");
        s.put("kit.aws.secret-access-key", "devstack");
        // Bearer tokens from devstack's user pool (docs/security.md).
        s.put("kit.auth.issuer", endpoint + "/" + Users.POOL);
        s.put("kit.auth.client-ids", Users.CLIENT + ",drs-automation");
        for (String client : List.of("dynamodb", "sqs")) {
            s.put("quarkus." + client + ".endpoint-override", endpoint);
            s.put("quarkus." + client + ".aws.region", REGION);
            s.put("quarkus." + client + ".aws.credentials.type", "static");
            s.put("quarkus." + client + ".aws.credentials.static-provider.access-key-id", "devstack");
            s.put("quarkus." + client + ".aws.credentials.static-provider.secret-access-key", "devstack");
        }
        s.put("quarkus.log.category.\"com.amazonaws.services.dynamodbv2\".level", "ERROR");
        // A shutdown waits for the inbox long poll: 2 s keeps Ctrl-C quick (the default is 10 s).
        s.put("kit.inbox.wait-seconds", "2");
        if (options.fast) {
            s.put("kit.inbox.wait-seconds", "1");
            s.put("kit.inbox.visibility-timeout-seconds", "10");
            s.put("kit.outbox.sweep-interval", "1s");
            s.put("kit.outbox.sweep-min-age", "1s");
        }
        switch (c) {
            case PLAN ->
                s.put("plan.scheduler.role-arn", "arn:aws:iam::" + ACCOUNT + ":role/drs-orchestrator-scheduler");
            case EXECUTION -> s.put("execution.timers.poll-interval", "500ms");
            case DRS_ADAPTER -> {
                s.put("drs.accounts[0].account-id", ACCOUNT);
                s.put("drs.accounts[0].region", REGION);
                for (int i = 0; i < FLEET_ACCOUNTS.size(); i++) {
                    String account = FLEET_ACCOUNTS.get(i);
                    s.put("drs.accounts[" + (i + 1) + "].account-id", account);
                    s.put("drs.accounts[" + (i + 1) + "].region", REGION);
                    s.put(
                            "drs.accounts[" + (i + 1) + "].role-arn",
                            "arn:aws:iam::" + account + ":role/drs-orchestrator");
                }
                s.put("drs.tracking.min-poll-interval", "1s");
                s.put("drs.tracking.poll-interval", "5s");
                if (options.fast) {
                    s.put("drs.tracking.min-poll-interval", "500ms");
                    s.put("drs.tracking.poll-interval", "2s");
                    s.put("drs.dispatch.interval", "300ms");
                    s.put("drs.dispatch.lease", "3s");
                    s.put("drs.dispatch.reconcile-delay", "1s");
                }
            }
            case NOTIFIER -> s.put("notifier.execution-service-url", url(Component.EXECUTION));
            default -> {}
        }
        s.putAll(options.settings.getOrDefault(c, Map.of()));
        return s;
    }

    private void note(Component c, String what) {
        options.out.printf("  %-18s %s%n", c, what);
    }

    private static boolean waitFor(Process p, Duration d) {
        try {
            return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /**
     * A port nothing listens on, below the ephemeral range (Linux 32768–60999, macOS and Windows from 49152). A port
     * the OS hands out with {@code new ServerSocket(0)} is in that range, so an outbound connection of any process can
     * take it between the check and the child's bind; ports below it are only ever taken by listeners.
     */
    private static int freePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FREE_PORTS_FROM, FREE_PORTS_TO);
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // in use: try another
            }
        }
        throw new IllegalStateException(
                "no free port between " + FREE_PORTS_FROM + " and " + FREE_PORTS_TO + " after 200 tries");
    }

    private static int requireFree(Component c) {
        try (ServerSocket socket = new ServerSocket(c.defaultPort(), 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("port " + c.defaultPort() + " (" + c + ") is in use. Is an earlier"
                    + " `infra/local/run` still running? Stop it with Ctrl-C, or stop what holds the port (e.g. `ss"
                    + " -ltnp 'sport = :" + c.defaultPort() + "'`).");
        }
    }
}
