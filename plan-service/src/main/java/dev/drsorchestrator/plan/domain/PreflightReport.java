package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What would happen if the plan ran now. {@code canRun} is false when a blocker exists: a group that is unknown or
 * deleted, a wave without servers, a CRITICAL server that is not ready.
 */
public record PreflightReport(
        PlanId planId,
        long planVersion,
        boolean canRun,
        List<String> blockers,
        List<String> warnings,
        int serverCount,
        int readyCount,
        long rtoEstimateSeconds,
        @Nullable Integer rtoSeconds,
        @Nullable Boolean rtoMet,
        List<WaveCheck> waves,
        Instant checkedAt) {

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
