package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A command to drs-adapter: run the DRS step of a wave for these servers — launch them (DRILL, RECOVERY), start
 * replication back to their origin (REPROTECT) or fail them back (FAILBACK). {@code attempt} grows with each retry of the wave (a
 * retry names only the servers that failed), so adapter and execution can tell attempts apart. {@code drill} maps to
 * DRS's {@code isDrill}. {@code recoveryPoint} (DRILL, RECOVERY; absent: latest) says which snapshot each server
 * launches from; {@code failback} (FAILBACK; absent: defaults) what follows the failback launch.
 */
public record WaveLaunchRequested(
        ExecutionId executionId,
        PlanId planId,
        WaveId waveId,
        int attempt,
        ExecutionType executionType,
        boolean drill,
        @Nullable Integer rpoSeconds,
        List<ServerSnapshot> servers,
        @Nullable RecoveryPoint recoveryPoint,
        @Nullable FailbackOptions failback)
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

    /** A launch from the latest snapshot, with the default failback options. */
    public WaveLaunchRequested(
            ExecutionId executionId,
            PlanId planId,
            WaveId waveId,
            int attempt,
            ExecutionType executionType,
            boolean drill,
            @Nullable Integer rpoSeconds,
            List<ServerSnapshot> servers) {
        this(executionId, planId, waveId, attempt, executionType, drill, rpoSeconds, servers, null, null);
    }

    public RecoveryPoint recoveryPointOrLatest() {
        return recoveryPoint == null ? RecoveryPoint.LATEST : recoveryPoint;
    }

    public FailbackOptions failbackOrDefaults() {
        return failback == null ? FailbackOptions.defaults() : failback;
    }
}
