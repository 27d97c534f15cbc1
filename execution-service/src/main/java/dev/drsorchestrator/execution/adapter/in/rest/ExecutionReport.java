package dev.drsorchestrator.execution.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.execution.domain.Cleanup;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionMachine;
import dev.drsorchestrator.execution.domain.ServerRun;
import dev.drsorchestrator.execution.domain.TimelineEntry;
import dev.drsorchestrator.execution.domain.WaveRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A drill (or recovery) report an auditor can keep: which plan version ran, who or what triggered it and who
 * approved it, per-wave durations and failures with their reasons, every operator control, and whether the RTO
 * was met.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionReport(
        String title,
        String summary,
        String executionId,
        Plan plan,
        String executionType,
        String status,
        Trigger trigger,
        String requestedBy,
        @Nullable String requestedById,
        ExecutionView.ApprovalView approval,
        @Nullable String approvedBy,
        @Nullable String comment,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt,
        ExecutionView.Rto rto,
        ServerCounts counts,
        List<WaveReport> waves,
        List<String> failures,
        List<TimelineEntry> controls,
        ExecutionView.@Nullable CleanupView cleanup,
        Instant generatedAt) {

    public record Plan(String planId, String name, long version) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaveReport(
            int index,
            String waveId,
            String name,
            String status,
            int attempts,
            @Nullable Instant startedAt,
            @Nullable Instant endedAt,
            @Nullable Long durationSeconds,
            ServerCounts counts,
            @Nullable String reason,
            List<FailedServer> failedServers,
            List<ExecutionView.ActionView> actions,
            @Nullable List<ServerPoint> recoveryPoints,
            @Nullable List<ServerReturn> failback) {}

    /** The recovery snapshot a server launched from, when the execution asked for a point in time. */
    public record ServerPoint(
            String sourceServerId, @Nullable String hostname, String snapshotId, Instant snapshotTime) {}

    /** Where a REPROTECT or FAILBACK left a server. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServerReturn(
            String sourceServerId,
            @Nullable String hostname,
            @Nullable String origin,
            @Nullable String step,
            String status,
            @Nullable String detail,
            @Nullable String recoveryInstanceId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailedServer(
            String sourceServerId,
            @Nullable String hostname,
            String criticality,
            @Nullable String error) {}

    private static String approvalText(Execution e) {
        if (e.requiredApprovals == 0 && e.approvals.isEmpty()) {
            return "no approval required (" + e.approvalReason + ")";
        }
        return "approved by " + e.approvals.size() + " of " + e.requiredApprovals + " required ("
                + String.join(", ", e.approvals.stream().map(a -> a.approver()).toList()) + "), requested by "
                + e.requestedBy;
    }

    static ExecutionReport of(Execution e, List<TimelineEntry> timeline, Instant now) {
        ExecutionView.Rto rto = ExecutionView.rto(e, now);
        List<WaveReport> waves = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (WaveRun w : e.waves) {
            List<ServerPoint> points = new ArrayList<>();
            List<ServerReturn> returns = new ArrayList<>();
            for (ServerRun s : w.servers.values()) {
                if (s.recoverySnapshotId != null && s.recoverySnapshotTime != null) {
                    points.add(new ServerPoint(
                            s.server.sourceServerId().value(),
                            s.server.hostname(),
                            s.recoverySnapshotId,
                            s.recoverySnapshotTime));
                }
                if (s.failbackStatus != null) {
                    returns.add(new ServerReturn(
                            s.server.sourceServerId().value(),
                            s.server.hostname(),
                            s.origin == null ? null : s.origin.describe(),
                            s.failbackStep == null ? null : s.failbackStep.name(),
                            s.failbackStatus.name(),
                            s.failbackDetail,
                            s.recoveryInstanceId == null ? null : s.recoveryInstanceId.value()));
                }
            }
            List<FailedServer> failed = new ArrayList<>();
            for (ServerRun s : w.servers.values()) {
                if (s.error != null) {
                    failed.add(new FailedServer(
                            s.server.sourceServerId().value(),
                            s.server.hostname(),
                            s.criticality().name(),
                            s.error));
                }
            }
            waves.add(new WaveReport(
                    w.index,
                    w.id(),
                    w.wave.name(),
                    w.status.name(),
                    w.attempt,
                    w.firstStartedAt,
                    w.endedAt,
                    ExecutionView.duration(w),
                    ExecutionMachine.counts(w),
                    w.reason,
                    failed,
                    w.actions.stream().map(ExecutionView::action).toList(),
                    points.isEmpty() ? null : points,
                    returns.isEmpty() ? null : returns));
        }
        for (TimelineEntry entry : timeline) {
            if (entry.type().equals("WaveFailed") || entry.type().equals("ExecutionFailed")) {
                failures.add(entry.at() + " " + entry.summary());
            }
        }
        String rtoText = rto.targetSeconds() == null
                ? "no RTO target"
                : rto.met() == null
                        ? "RTO " + rto.targetSeconds() + " s, not decided yet"
                        : (rto.met() ? "RTO met" : "RTO missed") + " (" + rto.elapsedSeconds() + " s of "
                                + rto.targetSeconds() + " s)";
        ServerCounts counts = ExecutionMachine.counts(e);
        return new ExecutionReport(
                e.executionType + " report: plan '" + e.planName + "' v" + e.planVersion + ", " + e.executionId,
                e.executionType + " " + e.status + (e.reason == null ? "" : " (" + e.reason + ")") + "; "
                        + counts.launched() + "/" + counts.total() + " servers launched, " + counts.failed()
                        + " failed; " + rtoText + "; " + approvalText(e),
                e.executionId.value(),
                new Plan(e.planId.value(), e.planName, e.planVersion),
                e.executionType.name(),
                e.status.name(),
                e.trigger,
                e.requestedBy,
                e.requestedById,
                ExecutionView.approval(e),
                e.approvedBy,
                e.comment,
                e.requestedAt,
                e.startedAt,
                e.endedAt,
                rto,
                counts,
                waves,
                failures,
                timeline.stream()
                        .filter(t -> t.kind().equals(TimelineEntry.CONTROL))
                        .toList(),
                e.cleanup.status == Cleanup.Status.NOT_NEEDED ? null : ExecutionView.cleanup(e.cleanup),
                now);
    }
}
