package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import java.time.Instant;
import java.util.List;

/**
 * A DRS job of a wave changed: its status or any participating server's launch status. Published once per change,
 * with every participating server. A {@code COMPLETED} job is not success: read each server's {@code launchStatus}.
 *
 * @param batch which of the wave's jobs this is (a wave larger than the quotas is split into several)
 */
public record RecoveryJobStateChanged(
        DrsJobId jobId,
        ExecutionId executionId,
        WaveId waveId,
        int attempt,
        int batch,
        AccountId accountId,
        String region,
        boolean drill,
        JobStatus status,
        List<ServerLaunchState> servers,
        Instant observedAt)
        implements DrsAdapterEvent {

    public RecoveryJobStateChanged {
        Require.nonNull(jobId, "jobId");
        Require.nonNull(executionId, "executionId");
        Require.nonNull(waveId, "waveId");
        Require.positive(attempt, "attempt");
        Require.positive(batch, "batch");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        Require.nonNull(status, "status");
        servers = Require.list(servers, "servers");
        Require.nonNull(observedAt, "observedAt");
    }
}
