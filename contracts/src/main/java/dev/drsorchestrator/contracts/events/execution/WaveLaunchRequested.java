package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A command to drs-adapter: run the DRS step of a wave for these servers — launch them (DRILL, RECOVERY), start
 * replication back to their origin (REPROTECT) or fail them back (FAILBACK). {@code attempt} grows with each retry of the wave (a
 * retry names only the servers that failed), so adapter and execution can tell attempts apart. {@code drill} maps to
 * DRS's {@code isDrill}. {@code recoveryPoint} (DRILL, RECOVERY; absent: latest) says which snapshot each server
 * launches from; {@code failback} (FAILBACK; absent: defaults) what follows the failback launch;
 * {@code drillNetworks} (DRILL; empty: production settings) where drill instances launch per account and Region.
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
        @Nullable FailbackOptions failback,
        List<DrillNetwork> drillNetworks)
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
        drillNetworks = Require.optionalList(drillNetworks, "drillNetworks");
        if (!drill && !drillNetworks.isEmpty()) {
            throw new IllegalArgumentException(
                    "drillNetworks: only a DRILL launches into a drill network, this is a " + executionType);
        }
    }

    /** A launch without drill networks. */
    public WaveLaunchRequested(
            ExecutionId executionId,
            PlanId planId,
            WaveId waveId,
            int attempt,
            ExecutionType executionType,
            boolean drill,
            @Nullable Integer rpoSeconds,
            List<ServerSnapshot> servers,
            @Nullable RecoveryPoint recoveryPoint,
            @Nullable FailbackOptions failback) {
        this(
                executionId,
                planId,
                waveId,
                attempt,
                executionType,
                drill,
                rpoSeconds,
                servers,
                recoveryPoint,
                failback,
                List.of());
    }

    /** The drill network for servers of {@code account} in {@code region}, if this drill has one. */
    public Optional<DrillNetwork> drillNetworkFor(AccountId account, String region) {
        return drillNetworks.stream().filter(n -> n.covers(account, region)).findFirst();
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
        this(executionId, planId, waveId, attempt, executionType, drill, rpoSeconds, servers, null, null, List.of());
    }

    public RecoveryPoint recoveryPointOrLatest() {
        return recoveryPoint == null ? RecoveryPoint.LATEST : recoveryPoint;
    }

    public FailbackOptions failbackOrDefaults() {
        return failback == null ? FailbackOptions.defaults() : failback;
    }
}
