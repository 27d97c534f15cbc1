package dev.drsorchestrator.plan.adapter.out.dynamodb;

import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Recording the event a change comes from, with the change. */
final class Consumed {

    private Consumed() {}

    static Delivery delivery(ConsumedEvent consumed) {
        return new Delivery(consumed.eventId(), consumed.detailType(), 1);
    }

    /**
     * Commits a conditional write with the event's processed marker; when the condition fails (the stored state is
     * newer, or not the one the event is about), only the marker is committed: the event is done and changed nothing.
     */
    static void writeIfCurrent(
            Transactions transactions, String label, TransactWriteItem write, ConsumedEvent consumed) {
        try {
            transactions.commit(new Transaction().write(label, write).markProcessed(delivery(consumed)));
        } catch (TransactionFailed e) {
            if (!e.failed(label)) {
                throw e;
            }
            transactions.commit(new Transaction().markProcessed(delivery(consumed)));
        }
    }
}
