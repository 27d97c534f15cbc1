package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.RecoveryPointUsed;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import java.util.List;

/**
 * drs-adapter accepted a wave launch: which servers it launches, in how many jobs (some may wait in the launch
 * queue for capacity), and which OPTIONAL servers it left out because they were not ready. {@code recoveryPoints}
 * names the snapshot each server launches from when the execution asked for a point in time (empty: the latest).
 */
public record WaveLaunchAccepted(
        ExecutionId executionId,
        WaveId waveId,
        int attempt,
        int batchCount,
        List<SourceServerId> launching,
        List<ServerNotReady> excluded,
        List<RecoveryPointUsed> recoveryPoints)
        implements DrsAdapterEvent {

    public WaveLaunchAccepted {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(waveId, "waveId");
        Require.positive(attempt, "attempt");
        Require.positive(batchCount, "batchCount");
        launching = Require.nonEmptyList(launching, "launching");
        excluded = Require.list(excluded, "excluded");
        recoveryPoints = Require.optionalList(recoveryPoints, "recoveryPoints");
    }

    public WaveLaunchAccepted(
            ExecutionId executionId,
            WaveId waveId,
            int attempt,
            int batchCount,
            List<SourceServerId> launching,
            List<ServerNotReady> excluded) {
        this(executionId, waveId, attempt, batchCount, launching, excluded, List.of());
    }
}
