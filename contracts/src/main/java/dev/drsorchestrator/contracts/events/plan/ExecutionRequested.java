package dev.drsorchestrator.contracts.events.plan;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command to execution-service: run this snapshot of a plan version. The execution id is created by plan-service
 * so the caller can follow it at once.
 *
 * @param requestedBy who asked, readable; the subject behind it, when a person or client asked, is the event's
 *     {@code metadata.actorId}
 * @param requiredApprovals how many distinct approvers, none of them the requester, must approve before the first
 *     wave starts (0: it starts at once). plan-service takes the plan's value for the execution type; an alarm
 *     binding in APPROVAL mode asks for at least 1, one in AUTO mode for 0
 * @param approvalReason why {@code requiredApprovals} is what it is, for people to read (for example
 *     {@code alarm binding 'db-down' is in AUTO mode}); absent from older producers
 * @param recoveryPoint DRILL or RECOVERY: the point in time to launch from; absent means the latest snapshot
 * @param failback FAILBACK: what to do once the servers are back; absent means {@link FailbackOptions#defaults()}
 * @param drillNetworks DRILL: where the plan's drills launch, per account and Region (at most one each); empty or
 *     absent: drills launch with the servers' production launch settings
 */
public record ExecutionRequested(
        ExecutionId executionId,
        PlanId planId,
        String planName,
        long planVersion,
        ExecutionType executionType,
        Trigger trigger,
        String requestedBy,
        @Nullable String comment,
        int requiredApprovals,
        @Nullable String approvalReason,
        @Nullable Integer rtoSeconds,
        @Nullable Integer rpoSeconds,
        DrillOptions drillOptions,
        @Nullable String notificationTopicArn,
        List<WaveSnapshot> waves,
        @Nullable RecoveryPoint recoveryPoint,
        @Nullable FailbackOptions failback,
        List<DrillNetwork> drillNetworks)
        implements PlanEvent {

    /** The most approvals a plan may ask for. */
    public static final int MAX_REQUIRED_APPROVALS = 5;

    public ExecutionRequested {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(planId, "planId");
        Require.text(planName, "planName");
        Require.nonNegative(planVersion, "planVersion");
        Require.nonNull(executionType, "executionType");
        Require.nonNull(trigger, "trigger");
        Require.text(requestedBy, "requestedBy");
        Require.nonNegative(requiredApprovals, "requiredApprovals");
        if (requiredApprovals > MAX_REQUIRED_APPROVALS) {
            throw new IllegalArgumentException(
                    "requiredApprovals: must be at most " + MAX_REQUIRED_APPROVALS + " but was " + requiredApprovals);
        }
        if (rtoSeconds != null) {
            Require.nonNegative(rtoSeconds, "rtoSeconds");
        }
        if (rpoSeconds != null) {
            Require.nonNegative(rpoSeconds, "rpoSeconds");
        }
        Require.nonNull(drillOptions, "drillOptions");
        waves = Require.nonEmptyList(waves, "waves");
        drillNetworks = Require.optionalList(drillNetworks, "drillNetworks");
        checkWaveReferences(waves);
        if (recoveryPoint != null && !recoveryPoint.isLatest() && executionType.returnsToOrigin()) {
            throw new IllegalArgumentException("recoveryPoint: a " + executionType
                    + " acts on recovery instances; only a DRILL or RECOVERY launches from a point in time");
        }
    }

    /** The request without drill networks (drills launch with production settings). */
    public ExecutionRequested(
            ExecutionId executionId,
            PlanId planId,
            String planName,
            long planVersion,
            ExecutionType executionType,
            Trigger trigger,
            String requestedBy,
            @Nullable String comment,
            int requiredApprovals,
            @Nullable String approvalReason,
            @Nullable Integer rtoSeconds,
            @Nullable Integer rpoSeconds,
            DrillOptions drillOptions,
            @Nullable String notificationTopicArn,
            List<WaveSnapshot> waves,
            @Nullable RecoveryPoint recoveryPoint,
            @Nullable FailbackOptions failback) {
        this(
                executionId,
                planId,
                planName,
                planVersion,
                executionType,
                trigger,
                requestedBy,
                comment,
                requiredApprovals,
                approvalReason,
                rtoSeconds,
                rpoSeconds,
                drillOptions,
                notificationTopicArn,
                waves,
                recoveryPoint,
                failback,
                List.of());
    }

    /** The request without a recovery point or failback options (the latest snapshot, the default options). */
    public ExecutionRequested(
            ExecutionId executionId,
            PlanId planId,
            String planName,
            long planVersion,
            ExecutionType executionType,
            Trigger trigger,
            String requestedBy,
            @Nullable String comment,
            int requiredApprovals,
            @Nullable String approvalReason,
            @Nullable Integer rtoSeconds,
            @Nullable Integer rpoSeconds,
            DrillOptions drillOptions,
            @Nullable String notificationTopicArn,
            List<WaveSnapshot> waves) {
        this(
                executionId,
                planId,
                planName,
                planVersion,
                executionType,
                trigger,
                requestedBy,
                comment,
                requiredApprovals,
                approvalReason,
                rtoSeconds,
                rpoSeconds,
                drillOptions,
                notificationTopicArn,
                waves,
                null,
                null,
                List.of());
    }

    private static void checkWaveReferences(List<WaveSnapshot> waves) {
        Set<WaveId> ids = new HashSet<>();
        for (WaveSnapshot wave : waves) {
            if (!ids.add(wave.waveId())) {
                throw new IllegalArgumentException("waves: wave id " + wave.waveId() + " appears twice");
            }
        }
        for (WaveSnapshot wave : waves) {
            for (WaveId dependency : wave.dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw new IllegalArgumentException(
                            "waves: wave " + wave.waveId() + " depends on unknown wave " + dependency);
                }
            }
        }
    }
}
