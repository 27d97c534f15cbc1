package dev.drsorchestrator.kit.events;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The consumer side of exactly-once: the ids of consumed events, written with a conditional put in the same
 * transaction as the state change they cause ({@link Transaction#markProcessed(Delivery)}). A second delivery finds
 * the id and changes nothing. Items expire after {@code kit.processed-events.retention} (DynamoDB TTL).
 */
@ApplicationScoped
public class ProcessedEvents {

    static final String KEY = "eventId";
    static final String TTL = "expiresAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final long retentionSeconds;
    private final Clock clock = Clock.systemUTC();

    ProcessedEvents(DynamoDbClient dynamo, KitConfig config) {
        this.dynamo = dynamo;
        this.table = config.processedEvents().table();
        this.retentionSeconds = config.processedEvents().retention().toSeconds();
    }

    public static TableSpec table(String name) {
        return TableSpec.of(name, KEY, null).withTtl(TTL);
    }

    /** Whether an event with this id was already consumed (a strongly consistent read). */
    public boolean seen(String eventId) {
        return dynamo.getItem(
                        r -> r.tableName(table).key(Map.of(KEY, s(eventId))).consistentRead(true))
                .hasItem();
    }

    /** The conditional put that records {@code delivery}'s event as processed, for a transaction. */
    public TransactWriteItem marker(Delivery delivery) {
        long now = clock.instant().getEpochSecond();
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Map.of(
                                KEY,
                                s(delivery.eventId()),
                                "detailType",
                                s(delivery.detailType()),
                                "processedAt",
                                n(now),
                                TTL,
                                n(now + retentionSeconds)))
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", KEY))
                        .build())
                .build();
    }
}
