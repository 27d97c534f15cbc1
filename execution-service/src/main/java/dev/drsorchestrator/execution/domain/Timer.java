package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A durable timer: stored with the change that arms it, fired by whichever instance finds it due, and harmless when
 * it fires twice or late (the machine checks it still applies: the same wave attempt, the same phase).
 */
public record Timer(
        ExecutionId executionId, Kind kind, @Nullable String waveId, int attempt, Instant dueAt) {

    public enum Kind {
        /** {@code timeoutMinutes} after a wave attempt started. */
        WAVE_TIMEOUT,
        /** {@code waitAfterSeconds} after a wave's post-actions. */
        WAIT_AFTER,
        /** {@code drillTtlMinutes} after a drill ended: request the cleanup. */
        DRILL_TTL
    }

    /** Deterministic, so arming the same timer twice stores it once. */
    public String id() {
        return executionId.value() + "#" + kind + "#" + (waveId == null ? "-" : waveId) + "#" + attempt;
    }
}
