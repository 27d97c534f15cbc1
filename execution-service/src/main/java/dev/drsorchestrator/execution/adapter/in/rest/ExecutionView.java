package dev.drsorchestrator.execution.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.execution.domain.ActionRun;
import dev.drsorchestrator.execution.domain.AllowedControls;
import dev.drsorchestrator.execution.domain.Approval;
import dev.drsorchestrator.execution.domain.Cleanup;
import dev.drsorchestrator.execution.domain.Control;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionMachine;
import dev.drsorchestrator.execution.domain.ExecutionStatus;
import dev.drsorchestrator.execution.domain.JobRun;
import dev.drsorchestrator.execution.domain.ServerRun;
import dev.drsorchestrator.execution.domain.WaveRun;
import dev.drsorchestrator.execution.domain.WaveStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An execution as operators read it. In lists the waves carry their status and counts only; {@code GET
 * /executions/{id}} adds each wave's DRS jobs, servers (launch status, recovery instance, error) and action results,
 * and the controls the state accepts now: {@code controls} of the execution ({@code approve}, {@code cancel},
 * {@code pause}, {@code resume}, {@code cleanup}) and of each wave ({@code retry}, {@code skip}), as the state machine
 * answers when each is tried. Roles, and that the requester may not approve, are not part of it. The detail also
 * carries {@code version}, the stored version it was read or committed at (a stream's event id): the higher, the newer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionView(
        String executionId,
        @Nullable Long version,
        String planId,
        String planName,
        long planVersion,
        ExecutionType executionType,
        ExecutionStatus status,
        @Nullable String reason,
        Trigger trigger,
        String requestedBy,
        @Nullable String requestedById,
        @Nullable String comment,
        ApprovalView approval,
        @Nullable String approvedBy,
        @Nullable String pausedBy,
        @Nullable String endedBy,
        @Nullable String conflictingExecutionId,
        @Nullable List<String> conflictingServers,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt,
        Rto rto,
        ServerCounts counts,
        List<Awaiting> awaitingApproval,
        @Nullable List<String> controls,
        List<WaveView> waves,
        @Nullable CleanupView cleanup,
        @Nullable RecoveryPoint recoveryPoint,
        @Nullable FailbackOptions failback,
        List<DrillNetwork> drillNetworks,
        Links links) {

    /** RTO achieved against the plan's target; {@code met} is known once the execution ended. */
    public record Rto(
            @Nullable Integer targetSeconds,
            @Nullable Long elapsedSeconds,
            @Nullable Boolean met) {}

    /**
     * The execution's own approval gate (the two-person rule): how many distinct people other than the requester
     * must approve before the first wave, why, who did, and how many are still missing. {@code requiredApprovals} 0:
     * it started without approval, and {@code reason} says why (an alarm binding in AUTO mode, a drill).
     */
    public record ApprovalView(
            int requiredApprovals, int missing, @Nullable String reason, List<ApproverView> approvals) {}

    /** One approval: who (name and verified subject), when, and what they said. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApproverView(
            String approver,
            @Nullable String approverId,
            Instant approvedAt,
            @Nullable String comment,
            @Nullable String actionId) {}

    public record Awaiting(
            String scope, @Nullable String waveId, @Nullable String message, String approvePath) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaveView(
            String waveId,
            String name,
            int index,
            WaveStatus status,
            @Nullable String phase,
            int attempt,
            String failurePolicy,
            List<String> dependsOn,
            boolean approvalRequired,
            @Nullable List<ApproverView> approvals,
            @Nullable Instant startedAt,
            @Nullable Instant endedAt,
            @Nullable Long durationSeconds,
            @Nullable String reason,
            @Nullable List<String> controls,
            ServerCounts counts,
            @Nullable List<JobView> jobs,
            @Nullable List<ServerView> servers,
            @Nullable List<ActionView> actions) {}

    public record JobView(
            String jobId, int attempt, int batch, String accountId, String region, String status, Instant observedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServerView(
            String sourceServerId,
            @Nullable String hostname,
            String accountId,
            String region,
            String criticality,
            int attempt,
            @Nullable String launchStatus,
            boolean excluded,
            @Nullable String jobId,
            @Nullable String recoveryInstanceId,
            @Nullable String ec2InstanceId,
            @Nullable String error,
            @Nullable String recoverySnapshotId,
            @Nullable Instant recoverySnapshotTime,
            @Nullable FailbackView failback) {}

    /**
     * A REPROTECT or FAILBACK server: its step and status, what is happening or missing ({@code detail}), its origin,
     * the recovery-Region instance it returns from, the reversed source server and its replication, and (on premises)
     * the DRS failback state.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailbackView(
            @Nullable String step,
            String status,
            @Nullable String detail,
            @Nullable String origin,
            @Nullable String returnFromInstanceId,
            @Nullable String reversedSourceServerArn,
            @Nullable String replicationState,
            @Nullable Long lagSeconds,
            @Nullable String failbackState) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionView(
            String actionId,
            @Nullable String name,
            String type,
            String phase,
            int attempt,
            String outcome,
            Instant requestedAt,
            @Nullable Instant completedAt,
            @Nullable Long durationMillis,
            @Nullable String outputExcerpt,
            @Nullable String error,
            @Nullable String approvedBy) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CleanupView(
            Cleanup.Status status,
            @Nullable Instant dueAt,
            @Nullable Instant requestedAt,
            @Nullable String requestedBy,
            @Nullable String reason,
            List<String> terminated,
            List<String> failures) {}

    public record Links(String self, String timeline, String report) {}

    /** An execution in a list: no version, no controls, waves without their jobs, servers and actions. */
    static ExecutionView of(Execution e, Instant now) {
        return of(e, null, now, false, null);
    }

    /**
     * The detail ({@code GET /executions/{id}}, a stream's data, a control's answer).
     *
     * @param version the stored version the execution was read (or committed) at: the stream's event id
     * @param controls what the state accepts: {@code controls} of the execution and of each wave, the path segments of
     *     the controls ({@code approve}, {@code retry}, …)
     */
    static ExecutionView detail(Execution e, long version, Instant now, AllowedControls controls) {
        return of(e, version, now, true, controls);
    }

    private static ExecutionView of(
            Execution e, @Nullable Long version, Instant now, boolean detailed, @Nullable AllowedControls controls) {
        AllowedControls shown = detailed ? controls : null;
        String self = "/executions/" + e.executionId.value();
        return new ExecutionView(
                e.executionId.value(),
                version,
                e.planId.value(),
                e.planName,
                e.planVersion,
                e.executionType,
                e.status,
                e.reason,
                e.trigger,
                e.requestedBy,
                e.requestedById,
                e.comment,
                approval(e),
                e.approvedBy,
                e.pausedBy,
                e.endedBy,
                e.conflictingExecutionId,
                e.conflictingServers.isEmpty() ? null : e.conflictingServers,
                e.requestedAt,
                e.startedAt,
                e.endedAt,
                rto(e, now),
                ExecutionMachine.counts(e),
                awaiting(e),
                shown == null ? null : paths(shown.execution()),
                e.waves.stream()
                        .map(w -> wave(w, detailed, shown == null ? null : paths(shown.wave(w.id()))))
                        .toList(),
                e.cleanup.status == Cleanup.Status.NOT_NEEDED ? null : cleanup(e.cleanup),
                e.recoveryPoint,
                e.failback,
                e.drillNetworks,
                new Links(self, self + "/timeline", self + "/report"));
    }

    static Rto rto(Execution e, Instant now) {
        Long elapsed = e.elapsedSeconds(now);
        Boolean met = null;
        if (e.rtoSeconds != null && e.status.isTerminal() && elapsed != null) {
            met = e.status == ExecutionStatus.COMPLETED && elapsed <= e.rtoSeconds;
        }
        return new Rto(e.rtoSeconds, elapsed, met);
    }

    static ApprovalView approval(Execution e) {
        return new ApprovalView(
                e.requiredApprovals,
                e.status == ExecutionStatus.AWAITING_APPROVAL ? Math.max(1, e.approvalsMissing()) : 0,
                e.approvalReason,
                approvers(e.approvals));
    }

    static List<ApproverView> approvers(List<Approval> approvals) {
        return approvals.stream()
                .map(a -> new ApproverView(a.approver(), a.approverId(), a.approvedAt(), a.comment(), a.actionId()))
                .toList();
    }

    static List<Awaiting> awaiting(Execution e) {
        List<Awaiting> out = new ArrayList<>();
        String path = ExecutionMachine.approvePath(e.executionId);
        if (e.status == ExecutionStatus.AWAITING_APPROVAL) {
            int missing = Math.max(1, e.approvalsMissing());
            out.add(new Awaiting(
                    "EXECUTION",
                    null,
                    "the execution waits for " + missing + " more approval(s) (" + e.approvals.size() + " of "
                            + Math.max(1, e.requiredApprovals) + " received) from someone other than "
                            + e.requestedBy
                            + (e.approvals.isEmpty()
                                    ? ""
                                    : " and "
                                            + String.join(
                                                    ", ",
                                                    e.approvals.stream()
                                                            .map(Approval::approver)
                                                            .toList()))
                            + " before its first wave",
                    path));
        }
        for (WaveRun w : e.waves) {
            if (w.status == WaveStatus.AWAITING_APPROVAL && !w.gateApproved) {
                out.add(new Awaiting("WAVE", w.id(), "wave '" + w.wave.name() + "' waits for approval", path));
            } else if (w.status == WaveStatus.RUNNING && w.awaitingActionApproval) {
                out.add(new Awaiting(
                        "WAVE",
                        w.id(),
                        "wave '" + w.wave.name() + "' waits at manual approval " + w.pendingAction,
                        path));
            }
        }
        return out;
    }

    static @Nullable Long duration(WaveRun w) {
        return w.firstStartedAt == null || w.endedAt == null
                ? null
                : Duration.between(w.firstStartedAt, w.endedAt).toSeconds();
    }

    private static List<String> paths(List<Control.Kind> kinds) {
        return kinds.stream().map(Control.Kind::path).toList();
    }

    private static WaveView wave(WaveRun w, boolean detailed, @Nullable List<String> controls) {
        return new WaveView(
                w.id(),
                w.wave.name(),
                w.index,
                w.status,
                w.status == WaveStatus.RUNNING && w.phase != null ? w.phase.name() : null,
                w.attempt,
                w.wave.failurePolicy().name(),
                w.wave.dependsOn().stream().map(d -> d.value()).toList(),
                w.wave.approvalRequired(),
                w.approvals.isEmpty() ? null : approvers(w.approvals),
                w.firstStartedAt,
                w.endedAt,
                duration(w),
                w.reason,
                controls,
                ExecutionMachine.counts(w),
                detailed ? w.jobs.values().stream().map(ExecutionView::job).toList() : null,
                detailed
                        ? w.servers.values().stream().map(ExecutionView::server).toList()
                        : null,
                detailed ? w.actions.stream().map(ExecutionView::action).toList() : null);
    }

    private static JobView job(JobRun j) {
        return new JobView(
                j.jobId.value(), j.attempt, j.batch, j.accountId.value(), j.region, j.status.name(), j.observedAt);
    }

    private static ServerView server(ServerRun s) {
        return new ServerView(
                s.server.sourceServerId().value(),
                s.server.hostname(),
                s.server.accountId().value(),
                s.server.region(),
                s.criticality().name(),
                s.attempt,
                s.launchStatus == null ? null : s.launchStatus.name(),
                s.excluded,
                s.jobId == null ? null : s.jobId.value(),
                s.recoveryInstanceId == null ? null : s.recoveryInstanceId.value(),
                s.ec2InstanceId == null ? null : s.ec2InstanceId.value(),
                s.error,
                s.recoverySnapshotId,
                s.recoverySnapshotTime,
                s.failbackStatus == null
                        ? null
                        : new FailbackView(
                                s.failbackStep == null ? null : s.failbackStep.name(),
                                s.failbackStatus.name(),
                                s.failbackDetail,
                                s.origin == null ? null : s.origin.describe(),
                                s.returnFromInstanceId == null ? null : s.returnFromInstanceId.value(),
                                s.reversedSourceServerArn,
                                s.replicationState == null ? null : s.replicationState.name(),
                                s.lagSeconds,
                                s.failbackState));
    }

    static ActionView action(ActionRun a) {
        return new ActionView(
                a.actionId.value(),
                a.name,
                a.type.name(),
                a.phase.name(),
                a.attempt,
                a.outcome == null ? "RUNNING" : a.outcome,
                a.requestedAt,
                a.completedAt,
                a.durationMillis,
                a.outputExcerpt,
                a.error,
                a.approvedBy);
    }

    static CleanupView cleanup(Cleanup c) {
        return new CleanupView(c.status, c.dueAt, c.requestedAt, c.requestedBy, c.reason, c.terminated, c.failures);
    }
}
