package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionOutcome;
import dev.drsorchestrator.contracts.model.ActionPhase;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A wave action ended: how, how long it took, and a bounded excerpt of its output. */
public record WaveActionCompleted(
        ExecutionId executionId,
        WaveId waveId,
        ActionId actionId,
        ActionPhase phase,
        int attempt,
        ActionOutcome outcome,
        Instant startedAt,
        Instant completedAt,
        long durationMillis,
        @Nullable String outputExcerpt,
        @Nullable String error)
        implements DrsAdapterEvent {

    /** Longest output excerpt an event carries; the adapter cuts output to fit. */
    public static final int MAX_EXCERPT = 4_096;

    public WaveActionCompleted {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(waveId, "waveId");
        Require.nonNull(actionId, "actionId");
        Require.nonNull(phase, "phase");
        Require.positive(attempt, "attempt");
        Require.nonNull(outcome, "outcome");
        Require.nonNull(startedAt, "startedAt");
        Require.nonNull(completedAt, "completedAt");
        Require.nonNegative(durationMillis, "durationMillis");
        Require.maxLength(outputExcerpt, MAX_EXCERPT, "outputExcerpt");
        Require.maxLength(error, MAX_EXCERPT, "error");
        if (outcome != ActionOutcome.SUCCEEDED) {
            Require.text(error, "error");
        }
    }
}
