package dev.drsorchestrator.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ApprovalScope;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.ServerOutcome;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.contracts.model.WaveRef;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.aws.AwsClients;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import dev.drsorchestrator.notifier.application.NotificationService;
import dev.drsorchestrator.notifier.domain.Delivery;
import dev.drsorchestrator.notifier.domain.Notification;
import dev.drsorchestrator.notifier.domain.NotificationStore;
import dev.drsorchestrator.notifier.domain.Severity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class NotifyTest {

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    @Inject
    AwsClients aws;

    @Inject
    NotificationService notifications;

    @Inject
    NotificationStore store;

    EventBus bus;
    SnsClient sns;
    String queueUrl;

    @BeforeEach
    void subscribeAQueueToTheDefaultTopic() {
        bus = new EventBus(eventBridge, sqs, "watch-" + UUID.randomUUID(), EventSource.NOTIFIER);
        sns = aws.configure(SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .build();
        queueUrl = queue("all-" + UUID.randomUUID());
        sns.subscribe(
                r -> r.topicArn(notifications.defaultTopic()).protocol("sqs").endpoint(arn(queueUrl)));
    }

    @Test
    void aCompletedDrillWaveAndExecutionReadWellAndCarryTheirAttributes() {
        ExecutionRef drill = ref(ExecutionType.DRILL, null);
        WaveCompleted wave = new WaveCompleted(
                drill,
                new WaveRef(WaveId.of("app"), "app tier", 2, 3),
                1,
                Instant.parse("2026-11-23T10:00:00Z"),
                Instant.parse("2026-11-23T10:04:10Z"),
                new ServerCounts(30, 30, 0, 0, 0),
                servers(30, 0));
        bus.put(wave, drill.executionId().value());
        JsonNode message = awaitMessages(queueUrl, m -> true, 1).get(0);

        assertThat(message.path("Subject").asText())
                .isEqualTo("DRILL of web-shop: wave 2/3 'app tier' completed - 30/30 launched");
        JsonNode attrs = message.path("MessageAttributes");
        assertThat(attrs.path("planName").path("Value").asText()).isEqualTo("web-shop");
        assertThat(attrs.path("executionId").path("Value").asText())
                .isEqualTo(drill.executionId().value());
        assertThat(attrs.path("executionType").path("Value").asText()).isEqualTo("DRILL");
        assertThat(attrs.path("status").path("Value").asText()).isEqualTo("WAVE_COMPLETED");
        assertThat(attrs.path("severity").path("Value").asText()).isEqualTo("INFO");
        assertThat(attrs.path("trigger").path("Value").asText()).isEqualTo("SCHEDULE");
        JsonNode body = EventCodec.readTree(message.path("Message").asText());
        assertThat(body.path("data").path("wave").path("name").asText()).isEqualTo("app tier");
        assertThat(body.path("data").path("servers")).hasSize(20);
        assertThat(body.path("data").path("serversOmitted").asInt()).isEqualTo(10);

        ExecutionCompleted done = new ExecutionCompleted(
                drill,
                drill.startedAt(),
                drill.startedAt().plusSeconds(750),
                3,
                0,
                0,
                new ServerCounts(90, 90, 0, 0, 0));
        EventMetadata meta = bus.put(done, drill.executionId().value());
        awaitMessages(queueUrl, m -> m.path("Subject").asText().contains("completed in"), 1);
        JsonNode text = given().when()
                .get("/notifications/" + meta.eventId())
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        assertThat(text.path("entry").path("subject").asText())
                .isEqualTo("DRILL of web-shop: completed in 12m 30s - 90/90 launched");
        assertThat(text.path("text").asText())
                .contains("DRILL of web-shop completed: 3 wave(s) completed, 0 failed, 0 skipped.")
                .contains("Servers: 90 in total, 90 launched")
                .contains("Elapsed: 12m 30s of an RTO of 1h 0m - within the RTO")
                .contains("What to do: Review the report: GET http://localhost:8083/executions/"
                        + drill.executionId().value() + "/report");
        assertThat(text.path("entry").path("delivery").asText()).isEqualTo("SENT");
        assertThat(text.path("entry").path("messageId").asText()).isNotBlank();
    }

    @Test
    void aFailedRecoveryIsCriticalAndReachesOnlyTheCriticalSubscription() {
        String criticalUrl = queue("critical-" + UUID.randomUUID());
        String id = given().contentType("application/json")
                .auth()
                .oauth2(Identities.token("oncall", Roles.PLANNER))
                .header("X-Actor", "someone-else")
                .body(Map.of(
                        "protocol",
                        "sqs",
                        "endpoint",
                        arn(criticalUrl),
                        "filter",
                        Map.of("severity", List.of("CRITICAL"))))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(201)
                .body("filter.severity", equalTo(List.of("CRITICAL")))
                .body("createdBy", equalTo("oncall"))
                .extract()
                .path("id");
        given().when().get("/subscriptions").then().statusCode(200).body("items.id", hasItem(id));

        ExecutionRef drill = ref(ExecutionType.DRILL, null);
        bus.put(
                new ExecutionCompleted(drill, Instant.now(), Instant.now(), 1, 0, 0, new ServerCounts(3, 3, 0, 0, 0)),
                drill.executionId().value());
        ExecutionRef recovery = ref(ExecutionType.RECOVERY, null);
        bus.put(
                new ExecutionFailed(
                        recovery,
                        "wave 'db' failed: 1 CRITICAL server did not launch",
                        new WaveRef(WaveId.of("db"), "db", 1, 3),
                        Instant.now().minusSeconds(600),
                        Instant.now(),
                        new ServerCounts(10, 9, 1, 0, 0)),
                recovery.executionId().value());

        JsonNode critical = awaitMessages(criticalUrl, m -> true, 1).get(0);
        assertThat(critical.path("Subject").asText())
                .isEqualTo("RECOVERY of web-shop: FAILED at wave 1/3 'db' - 9/10 launched");
        assertThat(critical.path("MessageAttributes")
                        .path("severity")
                        .path("Value")
                        .asText())
                .isEqualTo("CRITICAL");
        // Both went to the topic; the filtered subscription got only the failed recovery.
        awaitMessages(queueUrl, m -> true, 2);
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> receive(criticalUrl).isEmpty());

        given().when().delete("/subscriptions/" + id).then().statusCode(204);
        given().when().get("/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void aDuplicateEventProducesOneMessage() {
        ExecutionRef drill = ref(ExecutionType.DRILL, null);
        ExecutionCompleted done =
                new ExecutionCompleted(drill, Instant.now(), Instant.now(), 1, 0, 0, new ServerCounts(3, 3, 0, 0, 0));
        EventMetadata meta = bus.put(done, drill.executionId().value());
        bus.put(done, meta);
        bus.put(done, meta);
        awaitMessages(queueUrl, m -> true, 1);
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> receive(queueUrl).isEmpty());
        given().queryParam("execution", drill.executionId().value())
                .when()
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void aThousandServerWaveMakesOneBoundedMessage() {
        ExecutionRef recovery = ref(ExecutionType.RECOVERY, null);
        WaveFailed failed = new WaveFailed(
                recovery,
                new WaveRef(WaveId.of("web"), "web", 3, 3),
                1,
                "5 CRITICAL servers did not launch",
                FailurePolicy.FAIL_FAST,
                Instant.now().minusSeconds(300),
                Instant.now(),
                new ServerCounts(1000, 995, 5, 0, 0),
                servers(1000, 5));
        EventMetadata meta = bus.put(failed, recovery.executionId().value());
        JsonNode message = awaitMessages(queueUrl, m -> true, 1).get(0);
        assertThat(message.path("Message").asText().length()).isLessThan(20_000);
        JsonNode body = EventCodec.readTree(message.path("Message").asText());
        assertThat(body.path("data").path("servers")).hasSize(20);
        assertThat(body.path("data").path("servers").get(0).path("launchStatus").asText())
                .isEqualTo("FAILED");
        assertThat(body.path("data").path("serversOmitted").asInt()).isEqualTo(980);
        String text = given().when()
                .get("/notifications/" + meta.eventId())
                .then()
                .extract()
                .path("text");
        assertThat(text.lines().filter(l -> l.startsWith("  - "))).hasSize(20);
        assertThat(text).contains("... and 980 more {LAUNCHED=980}").contains("/waves/web/retry");
        assertThat(text.length()).isLessThan(8_000);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> receive(queueUrl).isEmpty());
    }

    @Test
    void anApprovalRequestSaysExactlyHowToApprove() {
        ExecutionRef recovery = ref(ExecutionType.RECOVERY, null);
        EventMetadata meta = bus.put(
                new ExecutionAwaitingApproval(
                        recovery,
                        ApprovalScope.EXECUTION,
                        null,
                        "alarm db-down in ALARM",
                        "/executions/" + recovery.executionId().value() + "/approve"),
                recovery.executionId().value());
        awaitMessages(queueUrl, m -> true, 1);
        String text = given().when()
                .get("/notifications/" + meta.eventId())
                .then()
                .extract()
                .path("text");
        assertThat(text)
                .contains("curl -X POST")
                .contains("http://localhost:8083/executions/"
                        + recovery.executionId().value() + "/approve")
                .contains("Authorization: Bearer $TOKEN")
                .doesNotContain("X-Actor");
    }

    @Test
    void aNotificationLeftUnsentByACrashIsSentOnceAndAnUnreachableTopicEndsFailedAndVisible() {
        // What a crash right after the commit leaves: stored, PENDING, never published.
        ExecutionRef drill = ref(ExecutionType.DRILL, null);
        Notification left = new Notification();
        left.id = UUID.randomUUID().toString();
        left.detailType = "ExecutionCompleted";
        left.executionId = drill.executionId().value();
        left.planId = drill.planId().value();
        left.planName = "web-shop";
        left.executionType = "DRILL";
        left.status = "COMPLETED";
        left.severity = Severity.INFO;
        left.topicArn = notifications.defaultTopic();
        left.subject = "DRILL of web-shop: completed";
        left.text = "left behind by a crash";
        left.json = "{\"left\":true}";
        left.attributes = Map.of("severity", "INFO");
        left.createdAt = Instant.now();
        left.nextAttemptAt = Instant.now();
        store.record(left, "crash-" + left.id, "ExecutionCompleted", 1);
        JsonNode sent = awaitMessages(
                        queueUrl, m -> m.path("Subject").asText().equals("DRILL of web-shop: completed"), 1)
                .get(0);
        assertThat(sent.path("Message").asText()).isEqualTo("{\"left\":true}");
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> receive(queueUrl).isEmpty());

        // A plan's own topic that does not exist: retried, then FAILED, kept and listed.
        ExecutionRef own = ref(ExecutionType.DRILL, "arn:aws:sns:us-east-1:000000000000:gone-" + UUID.randomUUID());
        EventMetadata meta = bus.put(
                new ExecutionCompleted(own, Instant.now(), Instant.now(), 1, 0, 0, new ServerCounts(1, 1, 0, 0, 0)),
                own.executionId().value());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> store.find(meta.eventId())
                        .map(n -> n.delivery == Delivery.FAILED)
                        .orElse(false));
        given().queryParam("delivery", "FAILED")
                .when()
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(meta.eventId()))
                .body(
                        "items.find { it.id == '" + meta.eventId() + "' }.lastError",
                        org.hamcrest.Matchers.containsString("Topic does not exist"));
        given().when().post("/notifications/" + left.id + "/retry").then().statusCode(409);
    }

    @Test
    void badSubscriptionsAndQueriesAreRefusedNamingTheField() {
        given().contentType("application/json")
                .body(Map.of(
                        "protocol",
                        "sms",
                        "endpoint",
                        "",
                        "filter",
                        Map.of("severity", List.of("LOUD"), "colour", List.of("red"))))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("protocol"))
                .body("errors.field", hasItem("endpoint"))
                .body("errors.field", hasItem("filter.severity"))
                .body("errors.field", hasItem("filter.colour"));
        given().contentType("application/json")
                .body(Map.of("protocol", "email", "endpoint", "not-an-address"))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("endpoint"));
        given().contentType("application/json")
                .body(Map.of(
                        "protocol",
                        "email",
                        "endpoint",
                        "oncall@example.com",
                        "filter",
                        Map.of("executionType", List.of("RECOVERY"))))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(201);
        given().queryParam("delivery", "LOST")
                .when()
                .get("/notifications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("delivery"));
        given().queryParam("cursor", "garbage")
                .when()
                .get("/subscriptions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    // ---- helpers

    private static ExecutionRef ref(ExecutionType type, String topic) {
        return new ExecutionRef(
                ExecutionId.random(),
                PlanId.of("plan-" + UUID.randomUUID()),
                "web-shop",
                type,
                TriggerType.SCHEDULE,
                3600,
                Instant.now().minusSeconds(60),
                topic);
    }

    private static List<ServerOutcome> servers(int count, int failed) {
        List<ServerOutcome> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean fails = i >= count - failed;
            out.add(new ServerOutcome(
                    SourceServerId.of(String.format("s-%017x", i)),
                    "web-" + i,
                    Criticality.CRITICAL,
                    fails ? LaunchStatus.FAILED : LaunchStatus.LAUNCHED,
                    null,
                    null,
                    fails ? "no snapshot" : null));
        }
        return out;
    }

    private String queue(String name) {
        return sqs.createQueue(r -> r.queueName(name)).queueUrl();
    }

    private String arn(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private List<Message> receive(String url) {
        List<Message> got =
                sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        got.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        return got;
    }

    /** SNS envelopes delivered to the queue, waited for until {@code count} match. */
    private List<JsonNode> awaitMessages(String url, java.util.function.Predicate<JsonNode> matching, int count) {
        List<JsonNode> got = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            receive(url).forEach(m -> {
                JsonNode envelope = EventCodec.readTree(m.body());
                if (matching.test(envelope)) {
                    got.add(envelope);
                }
            });
            return got.size() >= count;
        });
        return got;
    }
}
