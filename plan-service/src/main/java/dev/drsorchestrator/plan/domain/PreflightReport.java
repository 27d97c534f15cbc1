package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What would happen if the plan ran now (as {@code type}, when one was asked). {@code canRun} is false when a blocker
 * exists: a group that is unknown or deleted, a wave without servers, a CRITICAL server that is not ready, and for a
 * DRILL a drill network whose subnet or security group is gone. {@code launchChecks} are the launch findings (each
 * also in {@code blockers}, {@code warnings} or {@code information} by its severity).
 */
public record PreflightReport(
        PlanId planId,
        long planVersion,
        @Nullable ExecutionType type,
        boolean canRun,
        List<String> blockers,
        List<String> warnings,
        List<String> information,
        int serverCount,
        int readyCount,
        long rtoEstimateSeconds,
        @Nullable Integer rtoSeconds,
        @Nullable Boolean rtoMet,
        List<WaveCheck> waves,
        List<LaunchFinding> launchChecks,
        Instant checkedAt) {

    /** How much a finding matters: an ERROR blocks, a WARNING needs a look, INFORMATION says what will happen. */
    public enum Severity {
        ERROR,
        WARNING,
        INFORMATION
    }

    /**
     * A launch finding about an account and Region, or one server of it.
     *
     * @param check what was checked
     * @param detail what was found, naming the server or account and Region, and what to do
     */
    public record LaunchFinding(
            Severity severity,
            Check check,
            String accountId,
            String region,
            @Nullable String sourceServerId,
            String detail) {

        /** The launch checks. */
        public enum Check {
            /** What a server would launch with differs from its group's launch settings (one per field). */
            LAUNCH_DRIFT,
            /** Servers of the plan recover in an account and Region the plan sets no drill network for. */
            NO_DRILL_NETWORK,
            /** A drill network's subnet or a security group is no longer in the network inventory. */
            DRILL_NETWORK_GONE,
            /** A drill subnet is in the same VPC as a production subnet of its servers. */
            DRILL_NETWORK_NOT_ISOLATED,
            /** A server's static private IP is outside the drill subnet: the drill launches it without it. */
            STATIC_IP_OUTSIDE_DRILL_SUBNET
        }
    }

    /** One wave: its servers' readiness, its groups' problems, the DRS jobs it needs and how long it should take. */
    public record WaveCheck(
            WaveId waveId,
            String name,
            List<WaveId> runsAfter,
            int serverCount,
            int readyCount,
            List<ServerIssue> notReady,
            List<GroupIssue> groupIssues,
            int jobs,
            int launchRounds,
            long estimateSeconds) {}

    /**
     * A server that is not ready for recovery.
     *
     * @param reason {@code NOT_FOUND} (no inventory for it), {@code NOT_CONTINUOUS}, {@code LAG_ABOVE_RPO}
     */
    public record ServerIssue(
            SourceServerId sourceServerId,
            @Nullable String hostname,
            Criticality criticality,
            String reason,
            String detail) {}

    /**
     * A group problem.
     *
     * @param problem {@code UNKNOWN}, {@code DELETED}, {@code NO_MEMBERS} or {@code CONFLICTS} (servers its selector
     *     wants are held by another group)
     */
    public record GroupIssue(
            ProtectionGroupId protectionGroupId,
            @Nullable String name,
            String problem,
            String detail,
            List<SourceServerId> servers) {}
}
