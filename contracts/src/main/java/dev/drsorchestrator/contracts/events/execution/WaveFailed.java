package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.ServerOutcome;
import dev.drsorchestrator.contracts.model.WaveRef;
import java.time.Instant;
import java.util.List;

/** A wave failed: why, which policy now applies, and per-server results. */
public record WaveFailed(
        ExecutionRef execution,
        WaveRef wave,
        int attempt,
        String reason,
        FailurePolicy failurePolicy,
        Instant startedAt,
        Instant failedAt,
        ServerCounts counts,
        List<ServerOutcome> servers)
        implements ExecutionLifecycleEvent {

    public WaveFailed {
        Require.nonNull(execution, "execution");
        Require.nonNull(wave, "wave");
        Require.positive(attempt, "attempt");
        Require.text(reason, "reason");
        Require.nonNull(failurePolicy, "failurePolicy");
        Require.nonNull(startedAt, "startedAt");
        Require.nonNull(failedAt, "failedAt");
        Require.nonNull(counts, "counts");
        servers = Require.list(servers, "servers");
    }
}
