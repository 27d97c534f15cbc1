package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import java.time.Instant;
import java.util.List;

/**
 * A REPROTECT or FAILBACK wave moved on: any server's step, status, replication state or failback state changed.
 * Published once per change, with every server of the wave attempt. A server is done for the attempt when its status
 * is COMPLETED or FAILED; the DRS jobs of the failback launch are also reported as {@code RecoveryJobStateChanged}.
 */
public record FailbackProgressChanged(
        ExecutionId executionId, WaveId waveId, int attempt, List<ServerFailbackState> servers, Instant observedAt)
        implements DrsAdapterEvent {

    public FailbackProgressChanged {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(waveId, "waveId");
        Require.positive(attempt, "attempt");
        servers = Require.nonEmptyList(servers, "servers");
        Require.nonNull(observedAt, "observedAt");
    }
}
