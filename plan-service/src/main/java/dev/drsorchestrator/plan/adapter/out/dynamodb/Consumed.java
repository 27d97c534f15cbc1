package dev.drsorchestrator.plan.adapter.out.dynamodb;

import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.plan.domain.ConsumedEvent;

/** The kit's processed-event marker for the event a change comes from. */
final class Consumed {

    private Consumed() {}

    static Delivery delivery(ConsumedEvent consumed) {
        return new Delivery(consumed.eventId(), consumed.detailType(), 1);
    }
}
