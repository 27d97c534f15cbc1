package dev.drsorchestrator.kit.events;

import dev.drsorchestrator.contracts.InboundEvent;

/**
 * What a service does with an event from its inbox queue. Thin: unwrap, call one application service, and put
 * {@code delivery} into the transaction of the state change ({@code Transaction#markProcessed}). Throwing leaves the
 * message in the queue for a retry (it goes to the dead-letter queue after five receives). One bean per service.
 */
public interface InboxHandler {

    void handle(InboundEvent event, Delivery delivery);
}
