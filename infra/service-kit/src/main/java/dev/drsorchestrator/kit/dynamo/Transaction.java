package dev.drsorchestrator.kit.dynamo;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.kit.events.Delivery;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What commits together: state changes (each with a label that a failure names), the events they cause (written to
 * the outbox in the same transaction) and, for a consumer, the id of the event being processed.
 */
public final class Transaction {

    /** DynamoDB's limit of items in one {@code TransactWriteItems}. */
    public static final int MAX_ITEMS = 100;

    public static final String PROCESSED_EVENT = "processed-event";

    final List<TransactWriteItem> writes = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<PendingEvent> events = new ArrayList<>();

    @Nullable
    Delivery processed;

    public Transaction write(String label, TransactWriteItem item) {
        writes.add(item);
        labels.add(label);
        return this;
    }

    public Transaction publish(EventMetadata metadata, EventPayload payload) {
        events.add(new PendingEvent(metadata, payload));
        return this;
    }

    /** Records the consumed event's id in the same transaction; a second delivery then fails it as a duplicate. */
    public Transaction markProcessed(Delivery delivery) {
        this.processed = delivery;
        return this;
    }

    /** Items this transaction writes: state, outbox events and the processed-event marker. */
    public int size() {
        return writes.size() + events.size() + (processed == null ? 0 : 1);
    }

    public boolean isEmpty() {
        return writes.isEmpty() && events.isEmpty() && processed == null;
    }

    record PendingEvent(EventMetadata metadata, EventPayload payload) {}
}
