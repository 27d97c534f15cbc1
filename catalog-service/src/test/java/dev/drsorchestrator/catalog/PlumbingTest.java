package dev.drsorchestrator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.events.Outbox;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The reliability plumbing as catalog-service runs it: nothing lost after a crash, bad messages set aside. */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class PlumbingTest {

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Outbox outbox;

    @Test
    void anEventLeftInTheOutboxByACrashIsPublishedByTheSweep() {
        EventBus bus =
                new EventBus(eventBridge, sqs, "watch-plumbing-" + UUID.randomUUID(), EventSource.CATALOG_SERVICE);
        ProtectionGroupId id = ProtectionGroupId.random();
        // What a crash right after the commit leaves: the outbox item, never handed to the relay.
        Outbox.Entry entry = outbox.entry(
                EventMetadata.first(id.value(), "test", Instant.now().minusSeconds(30)),
                new ProtectionGroupDeleted(id, "orphan", AccountId.of("111122223333"), "us-east-1", 2));
        var item = outbox.put(entry).put().item();
        dynamo.putItem(r -> r.tableName("catalog-service-outbox").item(item));

        ProtectionGroupDeleted published = bus.awaitEvent(
                ProtectionGroupDeleted.class, e -> e.protectionGroupId().equals(id));
        assertThat(published.name()).isEqualTo("orphan");
        var key = java.util.Map.of("shard", item.get("shard"), "sk", item.get("sk"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !dynamo.getItem(
                                r -> r.tableName("catalog-service-outbox").key(key))
                        .hasItem());
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterQueueAtOnceWithTheReason() {
        String inbox =
                sqs.getQueueUrl(r -> r.queueName("catalog-service-events")).queueUrl();
        String dlq =
                sqs.getQueueUrl(r -> r.queueName("catalog-service-events-dlq")).queueUrl();
        String marker = "broken-" + UUID.randomUUID();
        String body = "{\"source\":\"drs-orchestrator.plan-service\",\"detail-type\":\"RecoveryPlanCreated\","
                + "\"detail\":{\"metadata\":{\"eventId\":\"" + marker + "\"},\"data\":{}}}";
        sqs.sendMessage(r -> r.queueUrl(inbox).messageBody(body));

        Message dead = Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(
                        () -> sqs
                                .receiveMessage(r ->
                                        r.queueUrl(dlq).maxNumberOfMessages(10).messageAttributeNames("All"))
                                .messages()
                                .stream()
                                .filter(m -> m.body().contains(marker))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        MessageAttributeValue error = dead.messageAttributes().get("error");
        assertThat(error).isNotNull();
        assertThat(error.stringValue()).contains("RecoveryPlanCreated").contains("is invalid");
    }
}
