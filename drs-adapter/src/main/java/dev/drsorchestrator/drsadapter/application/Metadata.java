package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Metadata of the events drs-adapter publishes: correlated with the execution, caused by its request. */
final class Metadata {

    static final String ACTOR = "drs-adapter";

    private Metadata() {}

    static EventMetadata of(
            String correlationId, @Nullable String causationId, @Nullable String traceparent, Instant now) {
        return new EventMetadata(
                UUID.randomUUID().toString(),
                EventMetadata.CURRENT_SCHEMA_VERSION,
                now,
                correlationId,
                causationId,
                ACTOR,
                traceparent,
                null);
    }

    static EventMetadata of(
            ExecutionId execution, @Nullable String causationId, @Nullable String traceparent, Instant now) {
        return of(execution.value(), causationId, traceparent, now);
    }
}
