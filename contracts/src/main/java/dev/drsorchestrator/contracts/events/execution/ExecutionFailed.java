package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.WaveRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The execution failed and runs no further waves; drill cleanup still follows. */
public record ExecutionFailed(
        ExecutionRef execution,
        String reason,
        @Nullable WaveRef failedWave,
        @Nullable Instant startedAt,
        Instant failedAt,
        ServerCounts counts)
        implements ExecutionLifecycleEvent {

    public ExecutionFailed {
        Require.nonNull(execution, "execution");
        Require.text(reason, "reason");
        Require.nonNull(failedAt, "failedAt");
        Require.nonNull(counts, "counts");
    }
}
