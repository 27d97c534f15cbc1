package dev.drsorchestrator.kit.events;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.EventCodec.OutgoingEvent;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import dev.drsorchestrator.kit.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The transactional outbox: an event is written as an item in the same DynamoDB transaction as the state change that
 * causes it, and {@link OutboxRelay} publishes it to EventBridge afterwards. A crash between the two loses nothing:
 * the item stays until it is published.
 *
 * <p>Items are spread over {@value #SHARDS} partitions ({@code shard}), sorted by creation time ({@code sk}), so the
 * relay's sweep reads the oldest first with a query, never a scan.
 */
@ApplicationScoped
public class Outbox {

    public static final int SHARDS = 4;
    static final String SHARD = "shard";
    static final String SK = "sk";

    private final String table;

    Outbox(KitConfig config) {
        this.table = config.outbox().table();
    }

    public static TableSpec table(String name) {
        return TableSpec.of(name, SHARD, SK);
    }

    /**
     * An event to be written in a transaction and published after it commits. Its {@code traceparent} becomes the span
     * of the work under way ({@link Tracing#currentTraceparent()}), so the trace follows the event to its consumers;
     * unless the metadata already carries another trace, which the event then continues (a DRS job's events continue
     * the trace of the request that started the job, not the trace of the DRS event that reported its end).
     */
    public Entry entry(EventMetadata metadata, EventPayload payload) {
        OutgoingEvent event = EventCodec.outgoing(traced(metadata), payload);
        String shard = Integer.toString(Math.floorMod(event.eventId().hashCode(), SHARDS));
        String sortKey = String.format("%013d#%s", metadata.occurredAt().toEpochMilli(), event.eventId());
        return new Entry(shard, sortKey, event);
    }

    static EventMetadata traced(EventMetadata metadata) {
        String current = Tracing.currentTraceparent();
        if (current == null) {
            return metadata;
        }
        String own = Tracing.traceId(metadata.traceparent());
        if (own != null && !own.equals(Tracing.traceId(current))) {
            return metadata;
        }
        return metadata.withTraceparent(current);
    }

    /** The outbox item of {@code entry}, for a transaction. */
    public TransactWriteItem put(Entry entry) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(entry.toItem()).build())
                .build();
    }

    String tableName() {
        return table;
    }

    /** One outbox item: where it is stored and what goes to {@code PutEvents}. */
    public record Entry(String shard, String sortKey, OutgoingEvent event) {

        /** When the event was created, in the transaction that wrote it (its {@code occurredAt}, to the millisecond). */
        Instant createdAt() {
            return Instant.ofEpochMilli(Long.parseLong(sortKey.substring(0, 13)));
        }

        Map<String, AttributeValue> key() {
            return Map.of(SHARD, s(shard), SK, s(sortKey));
        }

        Map<String, AttributeValue> toItem() {
            return Map.of(
                    SHARD,
                    s(shard),
                    SK,
                    s(sortKey),
                    "eventId",
                    s(event.eventId()),
                    "source",
                    s(event.source()),
                    "detailType",
                    s(event.detailType()),
                    "detail",
                    s(event.detailJson()),
                    "createdAt",
                    n(createdAt().toEpochMilli()));
        }

        static Entry fromItem(Map<String, AttributeValue> item) {
            return new Entry(
                    Items.requiredStr(item, SHARD),
                    Items.requiredStr(item, SK),
                    new OutgoingEvent(
                            Items.requiredStr(item, "source"),
                            Items.requiredStr(item, "detailType"),
                            Items.requiredStr(item, "eventId"),
                            Items.requiredStr(item, "detail")));
        }
    }
}
