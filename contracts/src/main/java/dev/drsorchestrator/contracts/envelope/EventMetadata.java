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
 * @param actor who caused it, readable: a verified user's name (or e-mail), {@code client:<id>} for a machine client,
 *     {@code schedule:<name>}, {@code alarm:<name>} or a service's own name
 * @param traceparent W3C trace context: the span of the work that wrote the event (the kit's outbox sets it), so a
 *     consumer's work continues the trace
 * @param actorId the verified identity behind {@code actor}: the token's subject ({@code sub}); absent when no person
 *     or client caused it (a schedule, an alarm, a service reacting on its own)
 */
public record EventMetadata(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String correlationId,
        @Nullable String causationId,
        String actor,
        @Nullable String traceparent,
        @Nullable String actorId) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventMetadata {
        Require.text(eventId, "metadata.eventId");
        Require.maxLength(eventId, 128, "metadata.eventId");
        Require.positive(schemaVersion, "metadata.schemaVersion");
        Require.nonNull(occurredAt, "metadata.occurredAt");
        Require.text(correlationId, "metadata.correlationId");
        Require.text(actor, "metadata.actor");
        if (actorId != null) {
            Require.text(actorId, "metadata.actorId");
            Require.maxLength(actorId, 256, "metadata.actorId");
        }
    }

    /** Metadata for an event that starts a chain (a REST call, a schedule, an alarm). */
    public static EventMetadata first(String correlationId, String actor, Instant occurredAt) {
        return first(correlationId, actor, null, occurredAt);
    }

    /** Metadata for an event that starts a chain, caused by a verified identity ({@code actorId} its subject). */
    public static EventMetadata first(
            String correlationId, String actor, @Nullable String actorId, Instant occurredAt) {
        return new EventMetadata(
                UUID.randomUUID().toString(),
                CURRENT_SCHEMA_VERSION,
                occurredAt,
                correlationId,
                null,
                actor,
                null,
                actorId);
    }

    /**
     * Metadata for an event caused by {@code cause}: same correlation and trace, caused by its event id. The cause's
     * {@code actorId} carries over when the actor is the same.
     */
    public static EventMetadata causedBy(EventMetadata cause, String actor, Instant occurredAt) {
        return new EventMetadata(
                UUID.randomUUID().toString(),
                CURRENT_SCHEMA_VERSION,
                occurredAt,
                cause.correlationId(),
                cause.eventId(),
                actor,
                cause.traceparent(),
                actor.equals(cause.actor()) ? cause.actorId() : null);
    }

    /** This metadata with {@code traceparent} as its trace context (the span of the work that wrote the event). */
    public EventMetadata withTraceparent(@Nullable String traceparent) {
        return new EventMetadata(
                eventId, schemaVersion, occurredAt, correlationId, causationId, actor, traceparent, actorId);
    }
}
