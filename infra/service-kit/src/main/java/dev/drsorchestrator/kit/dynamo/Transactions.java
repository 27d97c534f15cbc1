package dev.drsorchestrator.kit.dynamo;

import dev.drsorchestrator.kit.audit.AuditContext;
import dev.drsorchestrator.kit.audit.AuditEntry;
import dev.drsorchestrator.kit.audit.AuditTrail;
import dev.drsorchestrator.kit.events.Outbox;
import dev.drsorchestrator.kit.events.OutboxRelay;
import dev.drsorchestrator.kit.events.ProcessedEvents;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Commits a {@link Transaction} with one {@code TransactWriteItems} (state, outbox events, processed-event marker, and
 * within a REST request its audit entry) and then hands the events to the relay, which publishes them at once.
 */
@ApplicationScoped
public class Transactions {

    private final DynamoDbClient dynamo;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ProcessedEvents processed;
    private final AuditTrail audit;
    private final Instance<AuditContext> request;

    Transactions(
            DynamoDbClient dynamo,
            Outbox outbox,
            OutboxRelay relay,
            ProcessedEvents processed,
            AuditTrail audit,
            Instance<AuditContext> request) {
        this.dynamo = dynamo;
        this.outbox = outbox;
        this.relay = relay;
        this.processed = processed;
        this.audit = audit;
        this.request = request;
    }

    /**
     * @throws TransactionFailed when a condition failed or a concurrent transaction conflicted
     * @throws DuplicateEvent when the transaction's processed-event marker shows the event was already processed
     */
    public void commit(Transaction tx) {
        if (tx.isEmpty()) {
            return;
        }
        if (tx.size() > Transaction.MAX_ITEMS) {
            throw new IllegalStateException("a transaction may write at most " + Transaction.MAX_ITEMS
                    + " items but this one has " + tx.size() + "; split the change");
        }
        List<TransactWriteItem> items = new ArrayList<>(tx.writes);
        List<String> labels = new ArrayList<>(tx.labels);
        List<Outbox.Entry> entries = tx.events.stream()
                .map(e -> outbox.entry(e.metadata(), e.payload()))
                .toList();
        for (Outbox.Entry entry : entries) {
            items.add(outbox.put(entry));
            labels.add("outbox:" + entry.event().detailType());
        }
        if (tx.processed != null) {
            items.add(processed.marker(tx.processed));
            labels.add(Transaction.PROCESSED_EVENT);
        }
        AuditEntry entry = requestAudit();
        if (entry != null && items.size() < Transaction.MAX_ITEMS) {
            // The change and the record of who made it commit together; the answer's status is added after.
            items.add(audit.inTransaction(entry));
            labels.add("audit");
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            List<String> failed = new ArrayList<>();
            boolean conflict = false;
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            for (int i = 0; i < reasons.size() && i < labels.size(); i++) {
                String code = reasons.get(i).code();
                if ("ConditionalCheckFailed".equals(code)) {
                    failed.add(labels.get(i));
                } else if ("TransactionConflict".equals(code)) {
                    conflict = true;
                }
            }
            if (tx.processed != null && failed.contains(Transaction.PROCESSED_EVENT)) {
                throw new DuplicateEvent(tx.processed.eventId());
            }
            throw new TransactionFailed(failed, conflict, e);
        }
        relay.publish(entries);
    }

    /** The audit entry of the REST request this commit belongs to; null for an inbox delivery or a timer. */
    private @org.jspecify.annotations.Nullable AuditEntry requestAudit() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return request.get().current();
    }
}
