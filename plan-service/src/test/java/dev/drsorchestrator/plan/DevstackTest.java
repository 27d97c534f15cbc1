package dev.drsorchestrator.plan;

import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.testing.EventBus;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What plan-service's tests against devstack share: the clients, a bus that watches what plan-service publishes, and
 * a feed that plays catalog-service and drs-adapter.
 */
abstract class DevstackTest {

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    @Inject
    DynamoDbClient dynamo;

    EventBus bus;
    CatalogFeed catalog;

    @BeforeEach
    void watchTheBus() {
        bus = new EventBus(eventBridge, sqs, "watch-" + UUID.randomUUID(), EventSource.PLAN_SERVICE);
        catalog = new CatalogFeed(bus, dynamo, sqs);
    }
}
