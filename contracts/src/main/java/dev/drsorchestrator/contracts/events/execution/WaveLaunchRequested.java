package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A command to drs-adapter: launch these servers of a wave. {@code attempt} grows with each retry of the wave (a
 * retry names only the servers that failed), so adapter and execution can tell attempts apart. {@code drill} maps to
 * DRS's {@code isDrill}.
 */
public record WaveLaunchRequested(
        ExecutionId executionId,
        PlanId planId,
        WaveId waveId,
        int attempt,
        ExecutionType executionType,
        boolean drill,
        @Nullable Integer rpoSeconds,
        List<ServerSnapshot> servers)
        implements ExecutionCommand {

    public WaveLaunchRequested {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(planId, "planId");
        Require.nonNull(waveId, "waveId");
        Require.positive(attempt, "attempt");
        Require.nonNull(executionType, "executionType");
        if (drill != (executionType == ExecutionType.DRILL)) {
            throw new IllegalArgumentException(
                    "drill is " + drill + " but executionType is " + executionType + ": only a DRILL launches drills");
        }
        if (rpoSeconds != null) {
            Require.nonNegative(rpoSeconds, "rpoSeconds");
        }
        servers = Require.nonEmptyList(servers, "servers");
    }
}
