package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.ServerOutcome;
import dev.drsorchestrator.contracts.model.WaveRef;
import java.time.Instant;
import java.util.List;

/** A wave finished within its failure policy: per-server results, summarised beyond a bound by the reader. */
public record WaveCompleted(
        ExecutionRef execution,
        WaveRef wave,
        int attempt,
        Instant startedAt,
        Instant completedAt,
        ServerCounts counts,
        List<ServerOutcome> servers)
        implements ExecutionLifecycleEvent {

    public WaveCompleted {
        Require.nonNull(execution, "execution");
        Require.nonNull(wave, "wave");
        Require.positive(attempt, "attempt");
        Require.nonNull(startedAt, "startedAt");
        Require.nonNull(completedAt, "completedAt");
        Require.nonNull(counts, "counts");
        servers = Require.list(servers, "servers");
    }
}
