package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.TriggerType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The plan's most recent execution, as far as plan-service has heard: requested here, then execution events. */
public record LastExecution(
        ExecutionId executionId,
        ExecutionType type,
        TriggerType trigger,
        Status status,
        Instant requestedAt,
        Instant updatedAt,
        @Nullable String detail) {

    /** Ranked: a status never goes back to a lower rank (late or repeated events lose). */
    public enum Status {
        REQUESTED,
        STARTED,
        COMPLETED,
        FAILED,
        CANCELLED,
        REJECTED;

        public boolean active() {
            return this == REQUESTED || this == STARTED;
        }
    }
}
