package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.aws.ServiceEnvironment.DrsAccount;
import dev.drsorchestrator.aws.ServiceEnvironment.Wiring;
import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.DevstackConfig;
import dev.drsorchestrator.devstack.cognito.DefaultUserPool;
import dev.drsorchestrator.devstack.cognito.UserPool;
import dev.drsorchestrator.kit.aws.Provisioning;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A packaged service runs with the {@code %prod} profile and exactly the environment the services stack gives it
 * ({@link ServiceEnvironment}), against devstack standing in for AWS: resources named as the deployment names them,
 * created from the same definitions. Only what reaches AWS differs: endpoint overrides and static keys, which ECS
 * would replace with the task role.
 */
class ProdProfileIT {

    private static final Deployment DEPLOYMENT = new Deployment("dr1");
    private static final Service SERVICE = Service.CATALOG;

    private static Devstack devstack;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static Process process;
    private static Path log;
    private static int port;

    @BeforeAll
    static void deployAndStart() throws IOException {
        devstack = Devstack.start(DevstackConfig.forTests());
        dynamo = client(DynamoDbClient.builder()).build();
        sqs = client(SqsClient.builder()).build();
        EventBridgeClient events = client(EventBridgeClient.builder()).build();
        // As the core stack: the service's tables, and the inboxes and rules of the service and of plan-service
        // (which consumes what catalog-service publishes), under the deployment's names.
        Deployment.tables(SERVICE).forEach(t -> Provisioning.createTable(dynamo, t.named(DEPLOYMENT.tableName(t))));
        for (Service inbox : List.of(SERVICE, Service.PLAN)) {
            String arn = Provisioning.createInbox(
                    sqs, DEPLOYMENT.inboxQueue(inbox), KitConfig.Inbox.VISIBILITY_TIMEOUT_SECONDS);
            Provisioning.createBusAndRules(
                    events,
                    DEPLOYMENT.busName(),
                    DEPLOYMENT.rules().stream()
                            .filter(r -> Deployment.consumerOf(r) == inbox)
                            .filter(r -> !r.eventBusName().equals("default"))
                            .toList(),
                    arn);
        }

        UserPool pool = devstack.cognito().defaultPool();
        Wiring wiring = new Wiring(
                devstack.region(),
                pool.issuer().toString(),
                DefaultUserPool.CLIENT_IDS,
                "arn:aws:iam::" + devstack.account() + ":role/unused",
                "arn:aws:sns:" + devstack.region() + ":" + devstack.account() + ":dr1-notifications",
                "https://dr.example.com",
                List.of(new DrsAccount(devstack.account(), devstack.region(), null, null)));
        Map<String, String> env = new HashMap<>(ServiceEnvironment.variables(SERVICE, DEPLOYMENT, wiring));
        port = freePort();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // What differs from ECS: AWS is devstack, and keys instead of the task role.
        String endpoint = devstack.endpoint().toString();
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", endpoint);
        env.put("QUARKUS_SQS_ENDPOINT_OVERRIDE", endpoint);
        env.put("KIT_AWS_ENDPOINT_OVERRIDE", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "devstack");
        env.put("AWS_SECRET_ACCESS_KEY", "devstack");
        // Metrics every 2 s instead of every minute, so the test sees them soon.
        env.put("KIT_METRICS_CLOUDWATCH_STEP", "2s");

        Path root = DrsOrchestratorApp.repositoryRoot(Path.of("").toAbsolutePath());
        Path jar = root.resolve(SERVICE.serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar)
                .as("the service is packaged before infra/aws's integration tests")
                .isRegularFile();
        log = Files.createTempFile("prod-" + SERVICE.serviceName(), ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what the stack sets (and the JVM's PATH/HOME), so nothing from this JVM's environment leaks in.
        builder.environment().keySet().retainAll(List.of("PATH", "HOME", "JAVA_HOME"));
        builder.environment().putAll(env);
        process = builder.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (devstack != null) {
            devstack.close();
        }
    }

    @Test
    void theServiceRunsWithTheStacksEnvironmentAndUsesTheDeploymentsResources() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // What the load balancer forwards to a task, once it has rewritten /api/catalog-service/… to /….
        String base = "http://localhost:" + port;
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(process.isAlive())
                            .as("the service is running; its log:\n" + tail())
                            .isTrue();
                    assertThat(status(http, base + Deployment.READINESS_PATH)).isEqualTo(200);
                });

        UserPool pool = devstack.cognito().defaultPool();
        pool.putUser("planner-prod", "Passw0rd!Passw0rd", null, List.of(DefaultUserPool.PLANNER));
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/protection-groups"))
                        .header("Authorization", "Bearer " + pool.accessToken("planner-prod"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"prod-web\",\"accountId\":\""
                                + devstack.account() + "\",\"region\":\"" + devstack.region()
                                + "\",\"tagSelector\":{\"Tier\":[\"web\"]}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        // The group is in the deployment's table, its audit entry in the deployment's audit table ...
        assertThat(dynamo.getItem(r -> r.tableName("dr1-catalog-groups")
                                .key(Map.of("pk", AttributeValue.fromS(id), "sk", AttributeValue.fromS("GROUP"))))
                        .hasItem())
                .isTrue();
        assertThat(dynamo.scan(r -> r.tableName("dr1-catalog-service-audit")).items())
                .anySatisfy(item -> assertThat(item.toString()).contains(id));
        // ... and its event went through the outbox to the deployment's bus, whose rule delivered it to plan-service.
        String planInbox = devstack.queueUrl("dr1-plan-service-events");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Message> messages = sqs.receiveMessage(
                            r -> r.queueUrl(planInbox).waitTimeSeconds(1))
                    .messages();
            assertThat(messages)
                    .anySatisfy(m -> assertThat(m.body())
                            .contains("ProtectionGroupCreated")
                            .contains(id));
        });
        // Its metrics went to CloudWatch's namespace for the dashboard, with the dimensions the dashboard reads.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(devstack.metrics()
                                .dataPoints(CloudWatchNames.NAMESPACE, CloudWatchNames.OUTBOX_PUBLISHED_COUNT))
                        .anySatisfy(point -> assertThat(point.dimensions())
                                .containsEntry(CloudWatchNames.SERVICE, SERVICE.serviceName())
                                .containsEntry(CloudWatchNames.TYPE, "ProtectionGroupCreated")));
        // JSON logs, as CloudWatch receives them in AWS.
        assertThat(Files.readAllLines(log))
                .anySatisfy(line ->
                        assertThat(line).startsWith("{").contains("\"message\"").contains("Profile prod activated"));
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B client(
            B builder) {
        return builder.endpointOverride(devstack.endpoint())
                .region(Region.of(devstack.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("devstack", "devstack")));
    }
}
