package dev.drsorchestrator.contracts.envelope;

import dev.drsorchestrator.contracts.Require;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@code detail.metadata} of every project event.
 *
 * @param eventId what consumers deduplicate on (never the SQS message id, which changes on redelivery). Services
 *     use a UUID; a schedule uses the scheduler's execution id.
 * @param schemaVersion the payload's schema version; a breaking change is a new version
 * @param correlationId the execution id, or the plan or group id, that ties a chain of events together
 * @param causationId the {@code eventId} of the event that caused this one, or a request id; absent for a first cause
 * @param actor who caused it: a user name, {@code schedule:<name>} or {@code alarm:<name>}
 * @param traceparent W3C trace context, passed along unchanged
 */
public record EventMetadata(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String correlationId,
        @Nullable String causationId,
        String actor,
        @Nullable String traceparent) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventMetadata {
        Require.text(eventId, "metadata.eventId");
        Require.maxLength(eventId, 128, "metadata.eventId");
        Require.positive(schemaVersion, "metadata.schemaVersion");
        Require.nonNull(occurredAt, "metadata.occurredAt");
        Require.text(correlationId, "metadata.correlationId");
        Require.text(actor, "metadata.actor");
    }

    /** Metadata for an event that starts a chain (a REST call, a schedule, an alarm). */
    public static EventMetadata first(String correlationId, String actor, Instant occurredAt) {
        return new EventMetadata(
                UUID.randomUUID().toString(), CURRENT_SCHEMA_VERSION, occurredAt, correlationId, null, actor, null);
    }

    /** Metadata for an event caused by {@code cause}: same correlation and trace, caused by its event id. */
    public static EventMetadata causedBy(EventMetadata cause, String actor, Instant occurredAt) {
        return new EventMetadata(
                UUID.randomUUID().toString(),
                CURRENT_SCHEMA_VERSION,
                occurredAt,
                cause.correlationId(),
                cause.eventId(),
                actor,
                cause.traceparent());
    }
}
