package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import java.util.List;

/** drs-adapter refused a wave launch (a CRITICAL server not ready, say): nothing of it was launched. */
public record WaveLaunchRejected(
        ExecutionId executionId, WaveId waveId, int attempt, String reason, List<ServerNotReady> servers)
        implements DrsAdapterEvent {

    public WaveLaunchRejected {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(waveId, "waveId");
        Require.positive(attempt, "attempt");
        Require.text(reason, "reason");
        servers = Require.list(servers, "servers");
    }
}
