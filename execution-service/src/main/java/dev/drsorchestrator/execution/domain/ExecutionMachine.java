package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.WaveActionCompleted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionCancelled;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.ExecutionPaused;
import dev.drsorchestrator.contracts.events.execution.ExecutionRejected;
import dev.drsorchestrator.contracts.events.execution.ExecutionResumed;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.execution.WaveStarted;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.ApprovalScope;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ManualApprovalAction;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.RecoveryPointUsed;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import dev.drsorchestrator.contracts.model.ServerOutcome;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.WaveAction;
import dev.drsorchestrator.contracts.model.WaveRef;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The wave state machine, as pure code: an input (an event from drs-adapter, a timer, an operator's control) and the
 * current state in, the new state and what to publish out. No I/O, no clock of its own, no memory between calls: the
 * caller loads the state, passes {@code now}, and commits the {@link Decision}.
 *
 * <p>Inputs are facts and are always recorded (a job that finishes after a cancel is still written down); new work
 * (a wave start, an action, a launch, a wave completion) only happens while the execution is RUNNING. Reports of
 * unknown waves, of other attempts, and repeated or late reports change nothing, so any order and any number of
 * deliveries of the same reports end in the same state, and a wave attempt is launched at most once.
 */
public final class ExecutionMachine {

    /** Who is named when a failure policy, not a person, pauses an execution. */
    public static final String POLICY_ACTOR = "failure-policy:PAUSE";

    /** Who requests a cleanup when the drill's TTL runs out. */
    public static final String TTL_ACTOR = "drill-ttl";

    private static final int MAX_LISTED = 10;

    private ExecutionMachine() {}

    /** What can happen to an execution after it was requested. */
    public sealed interface Input {
        /** An event from drs-adapter about this execution. */
        record Reported(EventPayload event) implements Input {}

        record TimerFired(Timer timer) implements Input {}

        record Operator(Control control) implements Input {}
    }

    public static String approvePath(ExecutionId id) {
        return "/executions/" + id.value() + "/approve";
    }

    // ---------------------------------------------------------------------------------------------------- request

    /** A new execution: rejected when its plan or a server is held by another active execution, else started. */
    public static Decision request(ExecutionRequested request, ActiveExecutions active, Instant now) {
        return request(request, active, now, Duration.ofMinutes(1));
    }

    /**
     * A new execution, with {@code drillTtlUnit} as the length of one minute of the drill's TTL (a real minute
     * except in tests and demos).
     */
    public static Decision request(
            ExecutionRequested request, ActiveExecutions active, Instant now, Duration drillTtlUnit) {
        return request(request, null, active, now, drillTtlUnit);
    }

    /**
     * A new execution requested by {@code requestedById} (the request's {@code metadata.actorId}: the verified subject
     * of the requester, absent for alarms and schedules), with {@code drillTtlUnit} as one minute of a drill's TTL.
     * It waits for {@code requiredApprovals} distinct approvers, none of them the requester, before its first wave.
     */
    public static Decision request(
            ExecutionRequested request,
            @Nullable String requestedById,
            ActiveExecutions active,
            Instant now,
            Duration drillTtlUnit) {
        Execution e = new Execution();
        e.drillTtlUnitMillis = drillTtlUnit.toMillis();
        e.executionId = request.executionId();
        e.planId = request.planId();
        e.planName = request.planName();
        e.planVersion = request.planVersion();
        e.executionType = request.executionType();
        e.trigger = request.trigger();
        e.requestedBy = request.requestedBy();
        e.requestedById = requestedById;
        e.comment = request.comment();
        e.requiredApprovals = request.requiredApprovals();
        e.approvalReason = request.approvalReason() != null ? request.approvalReason() : approvalReason(e);
        e.rtoSeconds = request.rtoSeconds();
        e.rpoSeconds = request.rpoSeconds();
        e.drillOptions = request.drillOptions();
        e.recoveryPoint =
                request.recoveryPoint() == null || request.recoveryPoint().isLatest() ? null : request.recoveryPoint();
        e.failback = request.executionType() == ExecutionType.FAILBACK
                ? (request.failback() == null ? FailbackOptions.defaults() : request.failback())
                : null;
        e.drillNetworks = request.executionType() == ExecutionType.DRILL
                ? new ArrayList<>(request.drillNetworks())
                : new ArrayList<>();
        e.notificationTopicArn = request.notificationTopicArn();
        e.requestedAt = now;
        List<WaveSnapshot> waves = request.waves();
        for (int i = 0; i < waves.size(); i++) {
            e.waves.add(new WaveRun(waves.get(i), i + 1));
        }
        Ctx ctx = new Ctx(e, now);
        ctx.note(
                TimelineEntry.RECEIVED,
                "ExecutionRequested",
                request.requestedBy(),
                e.executionType + " of plan '" + e.planName + "' v" + e.planVersion + " requested by "
                        + request.requestedBy() + " (trigger " + e.trigger.type()
                        + (e.trigger.name() == null ? "" : " " + e.trigger.name()) + "): " + waves.size()
                        + " wave(s), " + e.serverCount() + " server(s); "
                        + (e.requiredApprovals == 0
                                ? "no approval required"
                                : approvals(e.requiredApprovals) + " required before the first wave")
                        + " (" + e.approvalReason + ")"
                        + (request.comment() == null ? "" : "; comment: " + request.comment()));

        String planHolder = active.holderOfPlan(e.planId.value()).orElse(null);
        if (planHolder != null && !planHolder.equals(e.executionId.value())) {
            reject(
                    ctx,
                    "plan '" + e.planName + "' already has an active execution " + planHolder
                            + "; wait for it to end or cancel it (POST /executions/" + planHolder + "/cancel)",
                    planHolder,
                    List.of());
            return ctx.decision();
        }
        List<SourceServerId> held = new ArrayList<>();
        String holder = null;
        for (WaveRun w : e.waves) {
            for (ServerRun s : w.servers.values()) {
                String h =
                        active.holderOfServer(s.server.sourceServerId().value()).orElse(null);
                if (h != null && !h.equals(e.executionId.value())) {
                    held.add(s.server.sourceServerId());
                    holder = holder == null ? h : holder;
                }
            }
        }
        if (!held.isEmpty()) {
            reject(
                    ctx,
                    held.size() + " server(s) of this plan are in another active execution (" + holder + "): "
                            + list(held.stream().map(SourceServerId::value).toList())
                            + "; a server can be in one execution at a time",
                    holder,
                    held);
            return ctx.decision();
        }
        e.cleanup.status = e.executionType == ExecutionType.DRILL ? Cleanup.Status.PENDING : Cleanup.Status.NOT_NEEDED;
        if (e.requiredApprovals > 0) {
            e.status = ExecutionStatus.AWAITING_APPROVAL;
            awaitApprovals(ctx);
        } else {
            start(ctx);
        }
        return ctx.decision();
    }

    /** Says what the execution still waits for: how many approvals, from anyone but the requester and approvers. */
    private static void awaitApprovals(Ctx ctx) {
        Execution e = ctx.e;
        List<String> excluded = new ArrayList<>();
        excluded.add(e.requestedBy);
        e.approvals.forEach(a -> excluded.add(a.approver()));
        ctx.emit(new ExecutionAwaitingApproval(
                ref(e),
                ApprovalScope.EXECUTION,
                null,
                e.executionType + " of plan '" + e.planName + "' requested by " + e.requestedBy + " waits for "
                        + (e.approvals.isEmpty()
                                ? approvals(e.requiredApprovals)
                                : e.approvalsMissing() + " more approval(s) (" + e.approvals.size() + " of "
                                        + e.requiredApprovals + " received)")
                        + " from someone other than " + String.join(", ", excluded) + " before its first wave",
                approvePath(e.executionId),
                e.approvals.size(),
                e.requiredApprovals,
                e.requestedBy));
    }

    private static String approvals(int n) {
        return n + (n == 1 ? " approval" : " approvals");
    }

    /** Why an execution from a producer that did not say needs the approvals it needs. */
    private static String approvalReason(Execution e) {
        if (e.requiredApprovals > 0) {
            return "the request asks for " + approvals(e.requiredApprovals);
        }
        return e.trigger.type() == dev.drsorchestrator.contracts.model.TriggerType.ALARM
                ? "alarm '" + e.trigger.name() + "' started it without approval"
                : "the request asks for no approval";
    }

    private static void reject(Ctx ctx, String reason, @Nullable String holder, List<SourceServerId> servers) {
        Execution e = ctx.e;
        e.status = ExecutionStatus.REJECTED;
        e.endedAt = ctx.now;
        e.reason = reason;
        e.conflictingExecutionId = holder;
        e.conflictingServers = servers.stream().map(SourceServerId::value).toList();
        e.cleanup.status = Cleanup.Status.NOT_NEEDED;
        ctx.emit(new ExecutionRejected(ref(e), reason, holder == null ? null : ExecutionId.of(holder), servers));
    }

    // ------------------------------------------------------------------------------------------------------ apply

    /**
     * Whether {@code timer} times a wave out: a wave timeout whose wave attempt is still running. (A timer that fires
     * late or twice, after the attempt ended or was retried, changes nothing.)
     */
    public static boolean timesOut(Execution e, Timer timer) {
        return timer.kind() == Timer.Kind.WAVE_TIMEOUT
                && timer.waveId() != null
                && e.wave(timer.waveId())
                        .filter(w -> w.status == WaveStatus.RUNNING && w.attempt == timer.attempt())
                        .isPresent();
    }

    /**
     * Applies one input to the state (which it changes in place).
     *
     * @throws ControlRejected when an operator's control is not allowed in the current state
     */
    public static Decision apply(Execution e, Input input, Instant now) {
        Ctx ctx = new Ctx(e, now);
        if (input instanceof Input.Reported reported) {
            onReport(ctx, reported.event());
        } else if (input instanceof Input.TimerFired fired) {
            onTimer(ctx, fired.timer());
        } else {
            onControl(ctx, ((Input.Operator) input).control());
        }
        return ctx.decision();
    }

    private static void onReport(Ctx ctx, EventPayload event) {
        String type = event.getClass().getSimpleName();
        if (event instanceof RecoveryJobStateChanged job) {
            ctx.received(type, describe(job));
            onJob(ctx, job);
        } else if (event instanceof WaveLaunchAccepted accepted) {
            ctx.received(
                    type,
                    "wave " + accepted.waveId() + " attempt " + accepted.attempt() + ": launching "
                            + accepted.launching().size() + " server(s) in " + accepted.batchCount() + " job(s)"
                            + (accepted.excluded().isEmpty()
                                    ? ""
                                    : ", " + accepted.excluded().size() + " left out (not ready): "
                                            + notReady(accepted.excluded())));
            onAccepted(ctx, accepted);
        } else if (event instanceof WaveLaunchRejected rejected) {
            ctx.received(
                    type,
                    "wave " + rejected.waveId() + " attempt " + rejected.attempt() + " launch rejected: "
                            + rejected.reason());
            onRejected(ctx, rejected);
        } else if (event instanceof WaveActionCompleted action) {
            ctx.received(
                    type,
                    action.phase() + "-action " + action.actionId() + " of wave " + action.waveId() + " attempt "
                            + action.attempt() + " " + action.outcome() + " in " + action.durationMillis() + " ms"
                            + (action.error() == null ? "" : ": " + action.error()));
            onAction(ctx, action);
        } else if (event instanceof FailbackProgressChanged progress) {
            ctx.received(type, describe(progress));
            onFailbackProgress(ctx, progress);
        } else if (event instanceof RecoveryInstancesTerminated terminated) {
            ctx.received(
                    type,
                    "cleanup in " + terminated.accountId() + "/" + terminated.region() + ": "
                            + terminated.terminated().size() + " instance(s) terminated, "
                            + terminated.failed().size() + " failed");
            onTerminated(ctx, terminated);
        }
        advance(ctx);
    }

    private static void onJob(Ctx ctx, RecoveryJobStateChanged job) {
        WaveRun w = ctx.e.wave(job.waveId().value()).orElse(null);
        if (w == null) {
            return;
        }
        JobRun run = w.jobs.get(job.jobId().value());
        if (run == null) {
            run = new JobRun();
            run.jobId = job.jobId();
            run.attempt = job.attempt();
            run.batch = job.batch();
            run.accountId = job.accountId();
            run.region = job.region();
            run.status = job.status();
            run.observedAt = job.observedAt();
            w.jobs.put(job.jobId().value(), run);
        } else if (JobRun.rank(job.status()) > JobRun.rank(run.status)) {
            run.status = job.status();
            run.observedAt = job.observedAt();
        }
        for (ServerLaunchState state : job.servers()) {
            ServerRun s = w.servers.get(state.sourceServerId().value());
            if (s == null || s.attempt != job.attempt()) {
                continue;
            }
            if (ServerRun.rank(state.launchStatus()) > ServerRun.rank(s.launchStatus)) {
                s.launchStatus = state.launchStatus();
                s.error = state.error();
                s.observedAt = job.observedAt();
            }
            s.jobId = job.jobId();
            if (state.recoveryInstanceId() != null
                    && (s.recoveryInstanceId == null || !s.recoveryInstanceId.equals(state.recoveryInstanceId()))
                    && (s.recoveryInstanceId == null || s.failbackStatus != null)) {
                s.recoveryInstanceId = state.recoveryInstanceId();
                boolean elsewhere = !job.accountId().equals(s.server.accountId())
                        || !job.region().equals(s.server.region());
                s.instanceAccountId = elsewhere ? job.accountId() : null;
                s.instanceRegion = elsewhere ? job.region() : null;
            }
            if (s.ec2InstanceId == null) {
                s.ec2InstanceId = state.ec2InstanceId();
            }
        }
        if (run.status == JobStatus.COMPLETED) {
            for (ServerLaunchState state : job.servers()) {
                ServerRun s = w.servers.get(state.sourceServerId().value());
                if (s != null && s.attempt == job.attempt() && !s.isFinal()) {
                    s.error = "DRS job " + job.jobId() + " completed without launching it (last status "
                            + s.launchStatus + ")";
                    s.launchStatus = LaunchStatus.FAILED;
                }
            }
        }
    }

    private static void onFailbackProgress(Ctx ctx, FailbackProgressChanged progress) {
        WaveRun w = ctx.e.wave(progress.waveId().value()).orElse(null);
        if (w == null) {
            return;
        }
        for (ServerFailbackState state : progress.servers()) {
            ServerRun s = w.servers.get(state.sourceServerId().value());
            if (s != null && s.attempt == progress.attempt()) {
                s.failback(state, progress.observedAt());
            }
        }
    }

    private static String describe(FailbackProgressChanged progress) {
        java.util.Map<String, Integer> by = new java.util.TreeMap<>();
        progress.servers().forEach(s -> by.merge(s.step() + " " + s.status(), 1, Integer::sum));
        return "wave " + progress.waveId() + " attempt " + progress.attempt() + ": " + by;
    }

    private static void onAccepted(Ctx ctx, WaveLaunchAccepted accepted) {
        WaveRun w = ctx.e.wave(accepted.waveId().value()).orElse(null);
        if (w == null || w.attempt != accepted.attempt() || w.launchAccepted) {
            return;
        }
        w.launchAccepted = true;
        w.batchCount = accepted.batchCount();
        for (RecoveryPointUsed used : accepted.recoveryPoints()) {
            ServerRun s = w.servers.get(used.sourceServerId().value());
            if (s != null && s.attempt == accepted.attempt()) {
                s.recoverySnapshotId = used.snapshotId();
                s.recoverySnapshotTime = used.snapshotTime();
            }
        }
        for (ServerNotReady out : accepted.excluded()) {
            ServerRun s = w.servers.get(out.sourceServerId().value());
            if (s != null && s.attempt == accepted.attempt() && s.launchStatus == null) {
                s.excluded = true;
                s.error = "left out, not ready: " + out.reason() + " (" + out.detail() + ")";
                s.endFailback(s.error);
            }
        }
    }

    private static void onRejected(Ctx ctx, WaveLaunchRejected rejected) {
        WaveRun w = ctx.e.wave(rejected.waveId().value()).orElse(null);
        if (w == null || w.attempt != rejected.attempt() || w.launchRejectedReason != null) {
            return;
        }
        w.launchRejectedReason = rejected.reason();
        for (ServerNotReady out : rejected.servers()) {
            ServerRun s = w.servers.get(out.sourceServerId().value());
            if (s != null && s.attempt == rejected.attempt()) {
                s.error = "not ready: " + out.reason() + " (" + out.detail() + ")";
                s.endFailback(s.error);
            }
        }
        for (ServerRun s : w.attemptServers()) {
            s.endFailback("the wave was rejected: " + rejected.reason());
        }
    }

    private static void onAction(Ctx ctx, WaveActionCompleted completed) {
        WaveRun w = ctx.e.wave(completed.waveId().value()).orElse(null);
        if (w == null) {
            return;
        }
        ActionRun run = w.action(completed.actionId(), completed.phase(), completed.attempt());
        if (run == null || !run.isOpen()) {
            return;
        }
        run.outcome = completed.outcome().name();
        run.startedAt = completed.startedAt();
        run.completedAt = completed.completedAt();
        run.durationMillis = completed.durationMillis();
        run.outputExcerpt = completed.outputExcerpt();
        run.error = completed.error();
    }

    private static void onTerminated(Ctx ctx, RecoveryInstancesTerminated terminated) {
        Cleanup c = ctx.e.cleanup;
        for (var id : terminated.terminated()) {
            if (!c.terminated.contains(id.value())) {
                c.terminated.add(id.value());
            }
        }
        for (var failure : terminated.failed()) {
            String line = failure.toString();
            if (!c.failures.contains(line)) {
                c.failures.add(line);
            }
        }
        c.status = Cleanup.Status.REPORTED;
    }

    private static void onTimer(Ctx ctx, Timer timer) {
        Execution e = ctx.e;
        ctx.note(
                TimelineEntry.TIMER,
                timer.kind().name(),
                null,
                timer.kind()
                        + (timer.waveId() == null ? "" : " of wave " + timer.waveId() + " attempt " + timer.attempt())
                        + " due " + timer.dueAt());
        switch (timer.kind()) {
            case WAVE_TIMEOUT -> {
                if (timesOut(e, timer)) {
                    e.wave(timer.waveId()).ifPresent(w -> w.timedOut = true);
                }
            }
            case WAIT_AFTER ->
                e.wave(timer.waveId() == null ? "" : timer.waveId())
                        .filter(w -> w.status == WaveStatus.RUNNING
                                && w.phase == WavePhase.WAIT_AFTER
                                && w.attempt == timer.attempt())
                        .ifPresent(w -> w.waitOver = true);
            case DRILL_TTL -> {
                if (e.status.isTerminal() && e.cleanup.status == Cleanup.Status.SCHEDULED) {
                    requestCleanup(ctx, CleanupReason.TTL_EXPIRED, TTL_ACTOR);
                }
            }
        }
        advance(ctx);
    }

    // --------------------------------------------------------------------------------------------------- controls

    private static void onControl(Ctx ctx, Control control) {
        Execution e = ctx.e;
        ctx.note(
                TimelineEntry.CONTROL,
                control.kind().name(),
                control.actor(),
                control.kind().path() + (control.waveId() == null ? "" : " wave " + control.waveId()) + " by "
                        + control.actor() + (control.reason() == null ? "" : ": " + control.reason()));
        switch (control.kind()) {
            case APPROVE -> approve(ctx, control);
            case CANCEL -> {
                requireActive(e, "cancelled");
                e.endedBy = control.actor();
                end(
                        ctx,
                        ExecutionStatus.CANCELLED,
                        control.reason() == null ? "cancelled by " + control.actor() : control.reason());
            }
            case PAUSE -> {
                if (e.status != ExecutionStatus.RUNNING) {
                    throw new ControlRejected(
                            e.status.name(),
                            "execution " + e.executionId + " is " + e.status + "; only a RUNNING execution can be"
                                    + " paused"
                                    + (e.status == ExecutionStatus.AWAITING_APPROVAL
                                            ? " (nothing runs until it is approved)"
                                            : ""));
                }
                e.status = ExecutionStatus.PAUSED;
                e.pausedBy = control.actor();
                e.pausedForWave = null;
                e.reason = control.reason();
                ctx.emit(new ExecutionPaused(
                        ref(e), text(control.reason(), "paused by " + control.actor()), control.actor(), null));
            }
            case RESUME -> {
                if (e.status != ExecutionStatus.PAUSED) {
                    throw new ControlRejected(
                            e.status.name(),
                            "execution " + e.executionId + " is " + e.status + "; only a PAUSED execution can be"
                                    + " resumed");
                }
                resume(ctx, control.actor(), control.reason());
            }
            case RETRY -> retry(ctx, control);
            case SKIP -> skip(ctx, control);
            case CLEANUP -> {
                if (e.executionType == ExecutionType.FAILBACK) {
                    confirmFailbackCleanup(ctx, control);
                    break;
                }
                if (e.executionType != ExecutionType.DRILL) {
                    throw new ControlRejected(
                            e.executionType.name(),
                            "execution " + e.executionId + " is a " + e.executionType + "; only a DRILL's instances"
                                    + " are cleaned up (a recovery's instances are your production now)");
                }
                if (e.status == ExecutionStatus.REJECTED || e.startedAt == null) {
                    throw new ControlRejected(
                            e.status.name(), "execution " + e.executionId + " never started; nothing to clean up");
                }
                if (e.status.isActive()) {
                    throw new ControlRejected(
                            e.status.name(),
                            "execution " + e.executionId + " is " + e.status + "; its drill instances are cleaned up"
                                    + " after it ends (cancel it first to clean up now)");
                }
                requestCleanup(ctx, CleanupReason.MANUAL, control.actor());
            }
        }
        advance(ctx);
    }

    /** The explicit confirmation after a FAILBACK: terminate the recovery-Region instances it failed back from. */
    private static void confirmFailbackCleanup(Ctx ctx, Control control) {
        Execution e = ctx.e;
        if (e.failback == null || !e.failback.terminateRecoveryInstances()) {
            throw new ControlRejected(
                    e.status.name(),
                    "the plan of execution " + e.executionId + " keeps the recovery-Region instances after a failback"
                            + " (failback.terminateRecoveryInstances is false); terminate them yourself if you wish");
        }
        if (e.status.isActive() || e.cleanup.status == Cleanup.Status.NOT_NEEDED) {
            throw new ControlRejected(
                    e.status.name(),
                    "execution " + e.executionId + " is " + e.status + "; the recovery-Region instances are"
                            + " terminated only after the failback COMPLETED, on confirmation");
        }
        List<RecoveredServer> instances = new ArrayList<>();
        for (WaveRun w : e.waves) {
            for (ServerRun s : w.servers.values()) {
                if (s.failbackStatus == FailbackStatus.COMPLETED && s.returnFromInstanceId != null) {
                    instances.add(new RecoveredServer(
                            s.server.sourceServerId(),
                            s.server.accountId(),
                            s.server.region(),
                            s.returnFromInstanceId,
                            null));
                }
            }
        }
        if (instances.isEmpty()) {
            throw new ControlRejected(
                    e.cleanup.status.name(),
                    "no server of execution " + e.executionId + " failed back; nothing to" + " terminate");
        }
        Cleanup c = e.cleanup;
        c.status = Cleanup.Status.REQUESTED;
        c.requestedAt = ctx.now;
        c.requestedBy = control.actor();
        c.reason = CleanupReason.FAILBACK_CONFIRMED.name();
        c.requests++;
        ctx.emit(new DrillCleanupRequested(
                e.executionId, e.planId, CleanupReason.FAILBACK_CONFIRMED, control.actor(), instances));
    }

    private static void approve(Ctx ctx, Control control) {
        Execution e = ctx.e;
        if (e.status == ExecutionStatus.AWAITING_APPROVAL) {
            if (control.waveId() != null) {
                throw new ControlRejected(
                        e.status.name(),
                        "execution " + e.executionId + " itself awaits approval (AWAITING_APPROVAL); approve it"
                                + " without a waveId");
            }
            approveExecution(ctx, control);
            return;
        }
        requireActive(e, "approved");
        List<WaveRun> waiting = e.waves.stream()
                .filter(w -> (w.status == WaveStatus.AWAITING_APPROVAL && !w.gateApproved)
                        || (w.status == WaveStatus.RUNNING && w.awaitingActionApproval))
                .toList();
        WaveRun w;
        if (control.waveId() != null) {
            w = waiting.stream()
                    .filter(x -> x.id().equals(control.waveId()))
                    .findFirst()
                    .orElse(null);
            if (w == null) {
                WaveRun named = wave(e, control.waveId());
                throw new ControlRejected(
                        named.status.name(),
                        "wave " + named.id() + " is " + named.status + " and awaits no approval"
                                + awaitingList(waiting));
            }
        } else if (waiting.size() == 1) {
            w = waiting.get(0);
        } else if (waiting.isEmpty()) {
            throw new ControlRejected(
                    e.status.name(), "execution " + e.executionId + " is " + e.status + " and nothing awaits approval");
        } else {
            throw new ControlRejected(
                    e.status.name(), "several waves await approval; name one with waveId" + awaitingList(waiting));
        }
        if (w.status == WaveStatus.AWAITING_APPROVAL) {
            w.gateApproved = true;
            w.approvals.add(new Approval(control.actor(), control.actorId(), ctx.now, control.reason(), null));
            return;
        }
        ActionRun run = w.action(w.pendingAction, actionPhase(w.phase), w.attempt);
        w.approvals.add(new Approval(
                control.actor(),
                control.actorId(),
                ctx.now,
                control.reason(),
                w.pendingAction == null ? null : w.pendingAction.value()));
        if (run != null) {
            run.outcome = "APPROVED";
            run.approvedBy = control.actor();
            run.completedAt = ctx.now;
            run.durationMillis = Duration.between(run.requestedAt, ctx.now).toMillis();
            run.outputExcerpt = control.reason();
        }
        w.awaitingActionApproval = false;
    }

    /**
     * One approval of the execution's own gate: refused for the requester and for an approver who already approved
     * (the two-person rule); recorded otherwise, and the first wave starts once enough distinct people approved.
     */
    private static void approveExecution(Ctx ctx, Control control) {
        Execution e = ctx.e;
        int required = Math.max(1, e.requiredApprovals);
        if (Approval.samePerson(control.actor(), control.actorId(), e.requestedBy, e.requestedById)) {
            throw new ApprovalRefused(
                    ApprovalRefused.Rule.REQUESTER,
                    "two-person rule: " + e.requestedBy + " requested this " + e.executionType
                            + ", so another approver must approve it",
                    e.requestedBy,
                    e.approvals.size(),
                    required);
        }
        for (Approval earlier : e.approvals) {
            if (earlier.samePersonAs(control.actor(), control.actorId())) {
                int missing = required - e.approvals.size();
                throw new ApprovalRefused(
                        ApprovalRefused.Rule.ALREADY_APPROVED,
                        "already approved by " + earlier.approver() + "; " + missing + " more approval"
                                + (missing == 1 ? "" : "s") + " from someone else "
                                + (missing == 1 ? "is" : "are") + " needed",
                        e.requestedBy,
                        e.approvals.size(),
                        required);
            }
        }
        e.approvals.add(new Approval(control.actor(), control.actorId(), ctx.now, control.reason(), null));
        ctx.note(
                TimelineEntry.CONTROL,
                "APPROVAL",
                control.actor(),
                "approval " + e.approvals.size() + " of " + required + " by " + control.actor()
                        + (control.actorId() == null ? "" : " (" + control.actorId() + ")")
                        + (e.approvals.size() >= required
                                ? "; the first wave starts"
                                : "; " + (required - e.approvals.size()) + " more needed"));
        if (e.approvals.size() >= required) {
            e.approvedBy = control.actor();
            start(ctx);
        } else {
            awaitApprovals(ctx);
        }
    }

    private static String awaitingList(List<WaveRun> waiting) {
        return waiting.isEmpty()
                ? ""
                : "; awaiting approval: "
                        + waiting.stream()
                                .map(x -> x.id() + " ('" + x.wave.name() + "')")
                                .collect(Collectors.joining(", "));
    }

    private static void retry(Ctx ctx, Control control) {
        Execution e = ctx.e;
        if (e.status != ExecutionStatus.RUNNING && e.status != ExecutionStatus.PAUSED) {
            throw new ControlRejected(
                    e.status.name(),
                    "execution " + e.executionId + " is " + e.status + "; a wave can be retried only while the"
                            + " execution is RUNNING or PAUSED (a FAIL_FAST failure ends it: start a new execution)");
        }
        WaveRun w = wave(e, control.waveId());
        if (w.status != WaveStatus.FAILED) {
            throw new ControlRejected(
                    w.status.name(), "wave " + w.id() + " is " + w.status + "; only a FAILED wave can be retried");
        }
        w.attempt++;
        w.status = WaveStatus.RUNNING;
        w.startedAt = ctx.now;
        w.endedAt = null;
        w.reason = null;
        w.timedOut = false;
        w.launchRejectedReason = null;
        w.pendingAction = null;
        w.awaitingActionApproval = false;
        w.waitOver = false;
        w.continuedPast = false;
        w.phase = w.failedIn == null ? WavePhase.PRE_ACTIONS : w.failedIn;
        int relaunch = 0;
        if (w.phase == WavePhase.PRE_ACTIONS || w.phase == WavePhase.LAUNCH) {
            for (ServerRun s : w.servers.values()) {
                if (!s.launched() && !s.excluded) {
                    s.attempt = w.attempt;
                    s.launchStatus = null;
                    s.jobId = null;
                    s.error = null;
                    s.recoveryInstanceId = null;
                    s.ec2InstanceId = null;
                    relaunch++;
                }
            }
            w.launchRequested = false;
            w.launchAccepted = false;
        }
        if (w.phase == WavePhase.WAIT_AFTER) {
            armWaitAfter(ctx, w);
        }
        ctx.emit(new WaveStarted(ref(e), ref(e, w), w.attempt, relaunch));
        ctx.arm(new Timer(
                e.executionId,
                Timer.Kind.WAVE_TIMEOUT,
                w.id(),
                w.attempt,
                ctx.now.plus(Duration.ofMinutes(w.wave.timeoutMinutes()))));
        if (e.status == ExecutionStatus.PAUSED && w.wave.waveId().equals(e.pausedForWave)) {
            resume(ctx, control.actor(), "retrying wave " + w.id());
        }
    }

    private static void skip(Ctx ctx, Control control) {
        Execution e = ctx.e;
        requireActive(e, "changed");
        WaveRun w = wave(e, control.waveId());
        if (w.status != WaveStatus.WAITING
                && w.status != WaveStatus.AWAITING_APPROVAL
                && w.status != WaveStatus.FAILED) {
            throw new ControlRejected(
                    w.status.name(),
                    "wave " + w.id() + " is " + w.status + "; only a WAITING, AWAITING_APPROVAL or FAILED wave can be"
                            + " skipped"
                            + (w.status == WaveStatus.RUNNING
                                    ? " (pause or cancel the execution to stop a running wave)"
                                    : ""));
        }
        w.status = WaveStatus.SKIPPED;
        w.endedAt = ctx.now;
        w.reason = "skipped by " + control.actor() + (control.reason() == null ? "" : ": " + control.reason());
        if (e.status == ExecutionStatus.PAUSED && w.wave.waveId().equals(e.pausedForWave)) {
            resume(ctx, control.actor(), "skipped wave " + w.id());
        }
    }

    private static void resume(Ctx ctx, String actor, @Nullable String comment) {
        Execution e = ctx.e;
        for (WaveRun w : e.waves) {
            if (w.status == WaveStatus.FAILED && w.wave.failurePolicy() == FailurePolicy.PAUSE) {
                w.continuedPast = true;
            }
        }
        e.status = ExecutionStatus.RUNNING;
        e.pausedBy = null;
        e.pausedForWave = null;
        e.reason = null;
        ctx.emit(new ExecutionResumed(ref(e), actor, comment));
    }

    private static void requireActive(Execution e, String verb) {
        if (!e.status.isActive()) {
            throw new ControlRejected(
                    e.status.name(),
                    "execution " + e.executionId + " is " + e.status + " and can no longer be " + verb);
        }
    }

    private static WaveRun wave(Execution e, @Nullable String waveId) {
        return e.wave(waveId == null ? "" : waveId)
                .orElseThrow(() -> new ControlRejected(
                        "UNKNOWN_WAVE",
                        "execution " + e.executionId + " has no wave " + waveId + "; its waves are "
                                + e.waves.stream().map(WaveRun::id).collect(Collectors.joining(", "))));
    }

    // ------------------------------------------------------------------------------------------------ progressing

    private static void start(Ctx ctx) {
        Execution e = ctx.e;
        e.status = ExecutionStatus.RUNNING;
        e.startedAt = ctx.now;
        ctx.emit(new ExecutionStarted(ref(e), e.waves.size(), e.serverCount(), e.requestedBy));
        advance(ctx);
    }

    /** Moves every wave as far as it can go; only while RUNNING. */
    private static void advance(Ctx ctx) {
        Execution e = ctx.e;
        boolean progressed = true;
        while (progressed && e.status == ExecutionStatus.RUNNING) {
            progressed = false;
            for (WaveRun w : e.waves) {
                if (e.status != ExecutionStatus.RUNNING) {
                    return;
                }
                if (w.status == WaveStatus.WAITING && dependenciesMet(e, w)) {
                    if (w.wave.approvalRequired() && !w.gateApproved) {
                        w.status = WaveStatus.AWAITING_APPROVAL;
                        ctx.emit(new ExecutionAwaitingApproval(
                                ref(e),
                                ApprovalScope.WAVE,
                                ref(e, w),
                                "wave '" + w.wave.name() + "' (" + w.index + " of " + e.waves.size()
                                        + ") waits for an operator's approval before it starts",
                                approvePath(e.executionId)));
                    } else {
                        startWave(ctx, w);
                    }
                    progressed = true;
                } else if (w.status == WaveStatus.AWAITING_APPROVAL && w.gateApproved) {
                    startWave(ctx, w);
                    progressed = true;
                } else if (w.status == WaveStatus.RUNNING) {
                    progressed |= step(ctx, w);
                }
            }
            if (e.status == ExecutionStatus.RUNNING && e.waves.stream().allMatch(WaveRun::satisfiesDependents)) {
                end(ctx, ExecutionStatus.COMPLETED, null);
            }
        }
    }

    private static boolean dependenciesMet(Execution e, WaveRun w) {
        for (WaveId dependency : w.wave.dependsOn()) {
            WaveRun d = e.wave(dependency.value()).orElse(null);
            if (d != null && !d.satisfiesDependents()) {
                return false;
            }
        }
        return true;
    }

    private static void startWave(Ctx ctx, WaveRun w) {
        w.status = WaveStatus.RUNNING;
        w.attempt = 1;
        w.firstStartedAt = ctx.now;
        w.startedAt = ctx.now;
        w.phase = WavePhase.PRE_ACTIONS;
        w.actionIndex = 0;
        w.servers.values().forEach(s -> s.attempt = 1);
        ctx.emit(new WaveStarted(ref(ctx.e), ref(ctx.e, w), 1, w.servers.size()));
        ctx.arm(new Timer(
                ctx.e.executionId,
                Timer.Kind.WAVE_TIMEOUT,
                w.id(),
                1,
                ctx.now.plus(Duration.ofMinutes(w.wave.timeoutMinutes()))));
    }

    /** Runs one wave as far as it can go; true when it ended (which may let other waves start). */
    private static boolean step(Ctx ctx, WaveRun w) {
        while (true) {
            if (w.timedOut) {
                fail(
                        ctx,
                        w,
                        "timed out: the wave did not finish within " + w.wave.timeoutMinutes()
                                + " minute(s) (it was at " + w.phase + ")");
                return true;
            }
            switch (w.phase) {
                case PRE_ACTIONS, POST_ACTIONS -> {
                    List<WaveAction> actions = w.actionsOf(w.phase);
                    if (w.awaitingActionApproval) {
                        return false;
                    }
                    if (w.pendingAction != null) {
                        ActionRun run = w.action(w.pendingAction, actionPhase(w.phase), w.attempt);
                        if (run != null && run.isOpen()) {
                            return false;
                        }
                        w.pendingAction = null;
                        if (run != null
                                && !"SUCCEEDED".equals(run.outcome)
                                && !"APPROVED".equals(run.outcome)
                                && !run.continueOnFailure) {
                            fail(
                                    ctx,
                                    w,
                                    actionPhase(w.phase) + "-action '" + label(run) + "' " + run.outcome
                                            + (run.error == null ? "" : ": " + run.error));
                            return true;
                        }
                        w.actionIndex++;
                        continue;
                    }
                    if (w.actionIndex < actions.size()) {
                        requestAction(ctx, w, actions.get(w.actionIndex));
                        return false;
                    }
                    w.actionIndex = 0;
                    if (w.phase == WavePhase.PRE_ACTIONS) {
                        w.phase = WavePhase.LAUNCH;
                        continue;
                    }
                    if (w.wave.waitAfterSeconds() > 0) {
                        w.phase = WavePhase.WAIT_AFTER;
                        w.waitOver = false;
                        armWaitAfter(ctx, w);
                        return false;
                    }
                    complete(ctx, w);
                    return true;
                }
                case LAUNCH -> {
                    if (!w.launchRequested) {
                        List<ServerSnapshot> servers =
                                w.attemptServers().stream().map(s -> s.server).toList();
                        if (servers.isEmpty()) {
                            w.phase = WavePhase.POST_ACTIONS;
                            continue;
                        }
                        w.launchRequested = true;
                        Execution e = ctx.e;
                        if (e.executionType.returnsToOrigin()) {
                            for (ServerRun s : w.attemptServers()) {
                                s.failbackStatus = FailbackStatus.WAITING;
                                s.failbackStep = null;
                                s.failbackDetail = "requested of drs-adapter";
                            }
                        }
                        ctx.emit(new WaveLaunchRequested(
                                e.executionId,
                                e.planId,
                                w.wave.waveId(),
                                w.attempt,
                                e.executionType,
                                e.executionType == ExecutionType.DRILL,
                                e.rpoSeconds,
                                servers,
                                e.recoveryPoint,
                                e.failback,
                                e.drillNetworks));
                        return false;
                    }
                    if (w.launchRejectedReason != null) {
                        fail(ctx, w, "drs-adapter rejected the launch: " + w.launchRejectedReason);
                        return true;
                    }
                    List<ServerRun> current =
                            w.attemptServers().stream().filter(s -> !s.excluded).toList();
                    if (!current.stream().allMatch(ServerRun::isFinal)) {
                        return false;
                    }
                    List<ServerRun> criticalFailures = current.stream()
                            .filter(s -> s.failed() && s.criticality() == Criticality.CRITICAL)
                            .toList();
                    if (!criticalFailures.isEmpty()) {
                        long critical = current.stream()
                                .filter(s -> s.criticality() == Criticality.CRITICAL)
                                .count();
                        fail(
                                ctx,
                                w,
                                criticalFailures.size() + " of " + critical
                                        + " critical server(s) failed to launch: "
                                        + list(criticalFailures.stream()
                                                .map(ExecutionMachine::failureOf)
                                                .toList()));
                        return true;
                    }
                    w.phase = WavePhase.POST_ACTIONS;
                }
                case WAIT_AFTER -> {
                    if (!w.waitOver) {
                        return false;
                    }
                    complete(ctx, w);
                    return true;
                }
            }
        }
    }

    private static void armWaitAfter(Ctx ctx, WaveRun w) {
        ctx.arm(new Timer(
                ctx.e.executionId,
                Timer.Kind.WAIT_AFTER,
                w.id(),
                w.attempt,
                ctx.now.plusSeconds(w.wave.waitAfterSeconds())));
    }

    private static void requestAction(Ctx ctx, WaveRun w, WaveAction action) {
        Execution e = ctx.e;
        ActionRun run = new ActionRun();
        run.actionId = action.actionId();
        run.name = action.name();
        run.type = action.type();
        run.phase = actionPhase(w.phase);
        run.attempt = w.attempt;
        run.continueOnFailure = action.continueOnFailure();
        run.requestedAt = ctx.now;
        w.actions.add(run);
        w.pendingAction = action.actionId();
        if (action instanceof ManualApprovalAction approval) {
            w.awaitingActionApproval = true;
            ctx.emit(new ExecutionAwaitingApproval(
                    ref(e), ApprovalScope.WAVE, ref(e, w), approval.message(), approvePath(e.executionId)));
            return;
        }
        ctx.emit(new WaveActionRequested(
                e.executionId, e.planId, w.wave.waveId(), run.phase, w.attempt, e.executionType, action, recovered(w)));
    }

    private static void complete(Ctx ctx, WaveRun w) {
        w.status = WaveStatus.COMPLETED;
        w.endedAt = ctx.now;
        w.phase = null;
        ctx.emit(new WaveCompleted(
                ref(ctx.e), ref(ctx.e, w), w.attempt, w.firstStartedAt, ctx.now, counts(w), outcomes(w)));
    }

    private static void fail(Ctx ctx, WaveRun w, String reason) {
        Execution e = ctx.e;
        w.status = WaveStatus.FAILED;
        w.failedIn = w.phase;
        w.endedAt = ctx.now;
        w.reason = reason;
        w.timedOut = false;
        FailurePolicy policy = w.wave.failurePolicy();
        ctx.emit(new WaveFailed(
                ref(e), ref(e, w), w.attempt, reason, policy, w.firstStartedAt, ctx.now, counts(w), outcomes(w)));
        String why = "wave '" + w.wave.name() + "' failed: " + reason;
        switch (policy) {
            case FAIL_FAST -> {
                e.failedWave = w.wave.waveId();
                end(ctx, ExecutionStatus.FAILED, why);
            }
            case PAUSE -> {
                e.status = ExecutionStatus.PAUSED;
                e.pausedBy = POLICY_ACTOR;
                e.pausedForWave = w.wave.waveId();
                e.reason = why + "; retry the wave, skip it, resume past it, or cancel the execution";
                ctx.emit(new ExecutionPaused(ref(e), e.reason, POLICY_ACTOR, ref(e, w)));
            }
            case CONTINUE -> {
                // its dependents run as if it had completed
            }
        }
    }

    private static void end(Ctx ctx, ExecutionStatus status, @Nullable String reason) {
        Execution e = ctx.e;
        boolean started = e.startedAt != null;
        e.status = status;
        e.endedAt = ctx.now;
        e.reason = reason;
        e.pausedBy = null;
        e.pausedForWave = null;
        for (WaveRun w : e.waves) {
            if (!w.status.isDone()) {
                w.status = WaveStatus.CANCELLED;
                w.endedAt = ctx.now;
                w.reason = "not finished: the execution is " + status;
                w.pendingAction = null;
                w.awaitingActionApproval = false;
            }
        }
        ServerCounts counts = counts(e);
        switch (status) {
            case COMPLETED ->
                ctx.emit(new ExecutionCompleted(
                        ref(e),
                        e.startedAt,
                        ctx.now,
                        count(e, WaveStatus.COMPLETED),
                        count(e, WaveStatus.FAILED),
                        count(e, WaveStatus.SKIPPED),
                        counts));
            case FAILED ->
                ctx.emit(new ExecutionFailed(
                        ref(e),
                        reason,
                        e.failedWave == null ? null : ref(e, wave(e, e.failedWave.value())),
                        e.startedAt,
                        ctx.now,
                        counts));
            case CANCELLED -> ctx.emit(new ExecutionCancelled(ref(e), e.endedBy, reason, ctx.now, counts));
            default -> throw new IllegalStateException("not an end: " + status);
        }
        if (e.executionType == ExecutionType.DRILL && started) {
            if (e.drillOptions.autoCleanup()) {
                e.cleanup.status = Cleanup.Status.SCHEDULED;
                e.cleanup.dueAt = e.drillTtlDue(ctx.now);
                ctx.arm(new Timer(e.executionId, Timer.Kind.DRILL_TTL, null, 0, e.cleanup.dueAt));
            } else {
                e.cleanup.status = Cleanup.Status.MANUAL;
            }
        } else if (e.executionType == ExecutionType.DRILL) {
            e.cleanup.status = Cleanup.Status.NOT_NEEDED;
        } else if (e.executionType == ExecutionType.FAILBACK
                && status == ExecutionStatus.COMPLETED
                && e.failback != null
                && e.failback.terminateRecoveryInstances()) {
            e.cleanup.status = Cleanup.Status.AWAITING_CONFIRMATION;
        }
    }

    private static void requestCleanup(Ctx ctx, CleanupReason reason, String by) {
        Execution e = ctx.e;
        Cleanup c = e.cleanup;
        c.status = Cleanup.Status.REQUESTED;
        c.requestedAt = ctx.now;
        c.requestedBy = by;
        c.reason = reason.name();
        c.requests++;
        List<RecoveredServer> instances = new ArrayList<>();
        for (WaveRun w : e.waves) {
            for (ServerRun s : w.servers.values()) {
                if (s.recoveryInstanceId != null) {
                    instances.add(recovered(s));
                }
            }
        }
        ctx.emit(new DrillCleanupRequested(e.executionId, e.planId, reason, by, instances));
    }

    // ------------------------------------------------------------------------------------------------ read models

    public static ExecutionRef ref(Execution e) {
        return new ExecutionRef(
                e.executionId,
                e.planId,
                e.planName,
                e.executionType,
                e.trigger.type(),
                e.rtoSeconds,
                e.startedAt,
                e.notificationTopicArn);
    }

    public static WaveRef ref(Execution e, WaveRun w) {
        return new WaveRef(w.wave.waveId(), w.wave.name(), w.index, e.waves.size());
    }

    public static ServerCounts counts(WaveRun w) {
        int launched = 0;
        int failed = 0;
        int excluded = 0;
        for (ServerRun s : w.servers.values()) {
            if (s.excluded) {
                excluded++;
            } else if (s.launched()) {
                launched++;
            } else if (s.failed()) {
                failed++;
            }
        }
        int total = w.servers.size();
        return new ServerCounts(total, launched, failed, total - launched - failed - excluded, excluded);
    }

    public static ServerCounts counts(Execution e) {
        int total = 0;
        int launched = 0;
        int failed = 0;
        int pending = 0;
        int excluded = 0;
        for (WaveRun w : e.waves) {
            ServerCounts c = counts(w);
            total += c.total();
            launched += c.launched();
            failed += c.failed();
            pending += c.pending();
            excluded += c.excluded();
        }
        return new ServerCounts(total, launched, failed, pending, excluded);
    }

    public static List<ServerOutcome> outcomes(WaveRun w) {
        return w.servers.values().stream()
                .map(s -> new ServerOutcome(
                        s.server.sourceServerId(),
                        s.server.hostname(),
                        s.criticality(),
                        s.launchStatus == null ? LaunchStatus.PENDING : s.launchStatus,
                        s.recoveryInstanceId,
                        s.ec2InstanceId,
                        s.error))
                .toList();
    }

    private static List<RecoveredServer> recovered(WaveRun w) {
        return w.servers.values().stream()
                .filter(ServerRun::launched)
                .map(ExecutionMachine::recovered)
                .toList();
    }

    private static RecoveredServer recovered(ServerRun s) {
        return new RecoveredServer(
                s.server.sourceServerId(),
                s.instanceAccountId != null ? s.instanceAccountId : s.server.accountId(),
                s.instanceRegion != null ? s.instanceRegion : s.server.region(),
                s.recoveryInstanceId,
                s.ec2InstanceId);
    }

    private static int count(Execution e, WaveStatus status) {
        return (int) e.waves.stream().filter(w -> w.status == status).count();
    }

    static ActionPhase actionPhase(@Nullable WavePhase phase) {
        return phase == WavePhase.POST_ACTIONS ? ActionPhase.POST : ActionPhase.PRE;
    }

    private static String label(ActionRun run) {
        return run.name == null ? run.actionId.value() : run.name + "' (" + run.actionId.value();
    }

    private static String failureOf(ServerRun s) {
        return s.server.sourceServerId().value()
                + (s.server.hostname() == null ? "" : " (" + s.server.hostname() + ")") + " "
                + s.launchStatus + (s.error == null ? "" : ": " + s.error);
    }

    private static String notReady(List<ServerNotReady> servers) {
        return list(servers.stream()
                .map(s -> s.sourceServerId().value() + " " + s.reason())
                .toList());
    }

    private static String list(List<String> items) {
        String shown = items.stream().limit(MAX_LISTED).collect(Collectors.joining("; "));
        return items.size() > MAX_LISTED ? shown + "; and " + (items.size() - MAX_LISTED) + " more" : shown;
    }

    private static String text(@Nullable String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String describe(RecoveryJobStateChanged job) {
        Set<String> parts = new LinkedHashSet<>();
        for (LaunchStatus status : LaunchStatus.values()) {
            long n = job.servers().stream()
                    .filter(s -> s.launchStatus() == status)
                    .count();
            if (n > 0) {
                parts.add(n + " " + status);
            }
        }
        return "job " + job.jobId() + " (wave " + job.waveId() + ", attempt " + job.attempt() + ", batch " + job.batch()
                + ") " + job.status() + ": " + String.join(", ", parts);
    }

    /** What one call builds up. */
    private static final class Ctx {
        final Execution e;
        final Instant now;
        final List<EventPayload> events = new ArrayList<>();
        final List<Timer> timers = new ArrayList<>();
        final List<TimelineEntry> timeline = new ArrayList<>();

        Ctx(Execution e, Instant now) {
            this.e = e;
            this.now = now;
        }

        void received(String type, String summary) {
            note(TimelineEntry.RECEIVED, type, null, summary);
        }

        void note(String kind, String type, @Nullable String actor, String summary) {
            timeline.add(new TimelineEntry(now, kind, type, actor, summary));
        }

        void emit(EventPayload event) {
            events.add(event);
            note(TimelineEntry.PUBLISHED, event.getClass().getSimpleName(), null, Published.describe(event));
        }

        void arm(Timer timer) {
            timers.add(timer);
        }

        Decision decision() {
            return new Decision(e, events, timers, timeline);
        }
    }
}
