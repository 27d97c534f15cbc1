package dev.drsorchestrator.contracts;

import dev.drsorchestrator.contracts.aws.AwsEvent;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventPayload;

/**
 * Whatever arrives in an inbox queue: a project event, or an AWS service event routed there from the default bus.
 * {@link EventCodec#readAny(String)} tells them apart by {@code source}.
 */
public sealed interface InboundEvent {

    /** What a consumer deduplicates on: {@code metadata.eventId}, or EventBridge's id for AWS events. */
    String deduplicationId();

    record Project(EventBridgeEvent<EventPayload> event) implements InboundEvent {
        @Override
        public String deduplicationId() {
            return event.metadata().eventId();
        }
    }

    record Aws(AwsEvent event) implements InboundEvent {
        @Override
        public String deduplicationId() {
            return event.eventId();
        }
    }
}
