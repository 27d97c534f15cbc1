package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.map;
import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import dev.drsorchestrator.devstack.testing.DevstackTestResource;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.Identities;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * execution-service as real processes (the packaged jar) on devstack: a timer armed by one process fires in the
 * next one after a crash, and two processes on one queue never both advance an execution.
 */
class ServiceProcessesIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path LOGS = Path.of("target/it-logs");
    private static Devstack devstack;
    private static EventBridgeClient eventBridge;
    private static SqsClient sqs;
    private final List<Service> started = new ArrayList<>();

    record Service(Process process, int port, Path log) {
        /** GET as a viewer (a real token of devstack's user pool; /q/* needs none). */
        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + Identities.token("it-viewer", Roles.VIEWER))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    @BeforeAll
    static void devstack() {
        devstack = DevstackExtension.SharedDevstack.get();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("devstack", "devstack"));
        eventBridge = EventBridgeClient.builder()
                .endpointOverride(devstack.endpoint())
                .region(Region.of(devstack.region()))
                .credentialsProvider(credentials)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(devstack.endpoint())
                .region(Region.of(devstack.region()))
                .credentialsProvider(credentials)
                .build();
    }

    @AfterEach
    void stopServices() {
        started.forEach(s -> s.process().destroyForcibly());
    }

    @Test
    void aTimerArmedBeforeACrashFiresInTheNextProcess() throws Exception {
        Service first = start("first");
        EventBus bus = new EventBus(eventBridge, sqs, "watch-" + UUID.randomUUID(), EventSource.EXECUTION_SERVICE);
        Adapter adapter = new Adapter(bus);
        ExecutionRequested request =
                Fixtures.request(ExecutionType.DRILL, map(threeTiers(), "db", w -> Fixtures.withWaitAfter(w, 10)));
        ExecutionId id = request.executionId();
        bus.put(request, id.value());

        // The db wave launched; its 10-second wait after is armed: the process crashes while it waits.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            adapter.answer(id);
            return first.get("/executions/" + id).contains("\"phase\":\"WAIT_AFTER\"");
        });
        first.process().destroyForcibly().waitFor();
        assertThat(bus.all(WaveCompleted.class, w -> w.executionId().equals(id)))
                .isEmpty();

        Instant restarted = Instant.now();
        start("second");
        WaveCompleted db = adapter.runUntil(id, WaveCompleted.class);
        assertThat(db.wave().waveId().value()).isEqualTo("db");
        assertThat(db.completedAt()).isAfter(restarted);
        adapter.runUntil(id, ExecutionCompleted.class);
        assertThat(adapter.launches(id))
                .extracting(l -> l.waveId() + "#" + l.attempt())
                .containsExactly("db#1", "app#1", "web#1");
        assertThat(bus.all(WaveCompleted.class, w -> w.executionId().equals(id)))
                .hasSize(3);
    }

    @Test
    void twoProcessesOnOneQueueNeverBothAdvanceAnExecution() throws Exception {
        Service a = start("a");
        Service b = start("b");
        EventBus bus = new EventBus(eventBridge, sqs, "watch-" + UUID.randomUUID(), EventSource.EXECUTION_SERVICE);
        Adapter adapter = new Adapter(bus);
        adapter.twice = true;
        List<ExecutionId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ExecutionRequested request = Fixtures.request(ExecutionType.DRILL, threeTiers());
            bus.put(request, request.executionId().value());
            bus.put(request, request.executionId().value());
            ids.add(request.executionId());
        }
        for (ExecutionId id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ids.forEach(adapter::answer);
                return !bus.all(ExecutionCompleted.class, e -> e.executionId().equals(id))
                        .isEmpty();
            });
        }
        for (ExecutionId id : ids) {
            List<WaveLaunchRequested> launches = adapter.launches(id);
            assertThat(launches)
                    .extracting(l -> l.waveId() + "#" + l.attempt())
                    .containsExactlyInAnyOrder("db#1", "app#1", "web#1");
            assertThat(bus.all(ExecutionStarted.class, e -> e.executionId().equals(id)))
                    .hasSize(1);
            assertThat(bus.all(ExecutionCompleted.class, e -> e.executionId().equals(id)))
                    .hasSize(1);
            assertThat(bus.all(WaveCompleted.class, e -> e.executionId().equals(id)))
                    .hasSize(3);
        }
        // Both processes took part.
        assertThat(consumed(a)).isPositive();
        assertThat(consumed(b)).isPositive();
    }

    private static double consumed(Service service) throws Exception {
        String metrics = service.get("/q/metrics");
        Matcher m = Pattern.compile("(?m)^drs_events_consumed_total\\{[^}]*} ([0-9.E]+)$")
                .matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private Service start(String name) throws IOException {
        int port = freePort();
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + "-" + port + ".log");
        String endpoint = devstack.endpoint().toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                // Neither %dev nor %prod: the base settings plus these (as infra/local runs the services).
                "-Dquarkus.profile=local",
                "-Dkit.provision=true",
                "-Dkit.inbox.wait-seconds=1",
                "-Dkit.outbox.sweep-interval=1s",
                "-Dkit.outbox.sweep-min-age=1s",
                "-Dexecution.timers.poll-interval=500ms",
                "-Dkit.aws.endpoint-override=" + endpoint,
                "-Dkit.aws.region=" + devstack.region(),
                "-Dkit.aws.access-key-id=devstack",
                "-Dkit.aws.secret-access-key=devstack"));
        // Tokens are verified against devstack's default user pool, as in the tests (DevstackTestResource).
        DevstackTestResource.properties(devstack).forEach((key, value) -> {
            if (key.startsWith("kit.auth.")) {
                command.add("-D" + key + "=" + value);
            }
        });
        for (String client : List.of("dynamodb", "sqs")) {
            command.add("-Dquarkus." + client + ".endpoint-override=" + endpoint);
            command.add("-Dquarkus." + client + ".aws.region=" + devstack.region());
            command.add("-Dquarkus." + client + ".aws.credentials.type=static");
            command.add("-Dquarkus." + client + ".aws.credentials.static-provider.access-key-id=devstack");
            command.add("-Dquarkus." + client + ".aws.credentials.static-provider.secret-access-key=devstack");
        }
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Service service = new Service(process, port, log);
        started.add(service);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("%s exited; see %s", name, log)
                            .isTrue();
                    return service.get("/q/health/ready").startsWith("200");
                });
        return service;
    }

    /**
     * A port nothing listens on, below the ephemeral range: a port from {@code new ServerSocket(0)} can be taken by
     * any outbound connection before the child binds it.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // in use: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
