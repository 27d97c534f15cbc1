package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ServerCounts;
import java.time.Instant;

/** The execution finished: every wave completed, failed under CONTINUE, or was skipped. */
public record ExecutionCompleted(
        ExecutionRef execution,
        Instant startedAt,
        Instant completedAt,
        int wavesCompleted,
        int wavesFailed,
        int wavesSkipped,
        ServerCounts counts)
        implements ExecutionLifecycleEvent {

    public ExecutionCompleted {
        Require.nonNull(execution, "execution");
        Require.nonNull(startedAt, "startedAt");
        Require.nonNull(completedAt, "completedAt");
        Require.nonNegative(wavesCompleted, "wavesCompleted");
        Require.nonNegative(wavesFailed, "wavesFailed");
        Require.nonNegative(wavesSkipped, "wavesSkipped");
        Require.nonNull(counts, "counts");
    }
}
