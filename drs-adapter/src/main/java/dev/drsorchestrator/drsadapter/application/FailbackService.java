package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.FailbackPlanner;
import dev.drsorchestrator.drsadapter.domain.FailbackRun;
import dev.drsorchestrator.drsadapter.domain.FailbackServer;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Member;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.RecoveryInstanceView;
import dev.drsorchestrator.drsadapter.domain.Scope;
import dev.drsorchestrator.drsadapter.domain.SourceServerArn;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Runs REPROTECT and FAILBACK waves. A request is checked against DRS (each server's origin, its recovery instance,
 * its reversed server) and becomes a {@link FailbackRun}, committed with {@code WaveLaunchAccepted} or rejected.
 * Each pass then moves every server one step on, in DRS's documented order:
 *
 * <ul>
 *   <li>EC2 origin, REPROTECT: {@code ReverseReplication} of the recovery instance (the intent is written first; after
 *       a crash the source server's {@code reversedDirectionSourceServerArn} says whether the call took effect), then
 *       {@code DescribeSourceServers} of the reversed server in the origin Region until CONTINUOUS.
 *   <li>EC2 origin, FAILBACK: {@code StartRecovery} of the reversed server in the origin Region (not a drill), through
 *       the launch queue (exactly once, as every launch); then, when the plan says so, {@code ReverseReplication} of
 *       the failed-back instance, until the original server is CONTINUOUS again.
 *   <li>On-premises origin, FAILBACK: wait until the recovery instance's failback state is
 *       {@code FAILBACK_READY_FOR_LAUNCH} (the operator booted the Failback Client), then {@code StartFailbackLaunch}
 *       through the launch queue, then follow the failback state to {@code FAILBACK_COMPLETED}; after
 *       {@code FAILBACK_ERROR}, {@code StopFailback} so the instance can be failed back again.
 * </ul>
 *
 * Every change of a server is published once, as {@code FailbackProgressChanged}.
 */
@ApplicationScoped
public class FailbackService {

    private static final Logger LOG = Logger.getLogger(FailbackService.class);

    private final RecoveryApi drs;
    private final JobStore store;
    private final Accounts accounts;
    private final Dispatcher dispatcher;
    private final DrsConfig config;
    private final Clock clock;
    private final Wakeup wakeup = new Wakeup();
    private final AtomicBoolean hinted = new AtomicBoolean();
    private final String owner = "drs-adapter-" + UUID.randomUUID();

    FailbackService(
            RecoveryApi drs, JobStore store, Accounts accounts, Dispatcher dispatcher, DrsConfig config, Clock clock) {
        this.drs = drs;
        this.store = store;
        this.accounts = accounts;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
    }

    public Wakeup wakeup() {
        return wakeup;
    }

    /** A DRS failback state changed somewhere: look at every run now. */
    public void hint() {
        hinted.set(true);
        wakeup.signal();
    }

    // ---- the request

    public void onRequested(WaveLaunchRequested request, EventMetadata cause, Consumed consumed) {
        String waveKey = LaunchService.waveKey(request);
        if (store.wavePlanned(waveKey)) {
            LOG.infof(
                    "%s wave %s attempt %d of %s was planned before; this request changes nothing",
                    request.executionType(), request.waveId(), request.attempt(), request.executionId());
            store.acknowledge(consumed, List.of());
            return;
        }
        FailbackPlanner.Plan plan = FailbackPlanner.plan(request.executionType(), preflight(request.servers()));
        Instant now = clock.instant();
        EventMetadata meta = Metadata.of(request.executionId(), cause.eventId(), cause.traceparent(), now);
        try {
            if (plan instanceof FailbackPlanner.Rejected rejected) {
                LaunchService.reject(store, waveKey, request, meta, rejected.reason(), rejected.servers(), consumed);
                return;
            }
            FailbackPlanner.Accepted accepted = (FailbackPlanner.Accepted) plan;
            FailbackRun run = new FailbackRun();
            run.id = FailbackRun.idOf(request.executionId(), request.waveId(), request.attempt());
            run.executionId = request.executionId();
            run.planId = request.planId();
            run.waveId = request.waveId();
            run.attempt = request.attempt();
            run.type = request.executionType();
            run.options = request.failbackOrDefaults();
            run.servers = new ArrayList<>(accepted.servers());
            run.createdAt = now;
            run.nextStepAt = now;
            run.causationId = cause.eventId();
            run.traceparent = cause.traceparent();
            run.published = run.views();
            LOG.infof(
                    "%s wave %s attempt %d of %s: %d server(s), %d left out",
                    run.type,
                    run.waveId,
                    run.attempt,
                    run.executionId,
                    run.servers.size(),
                    accepted.excluded().size());
            store.planFailback(
                    waveKey,
                    run,
                    List.of(
                            new Outgoing(
                                    meta,
                                    new WaveLaunchAccepted(
                                            request.executionId(),
                                            request.waveId(),
                                            request.attempt(),
                                            1,
                                            run.servers.stream()
                                                    .map(s -> s.sourceServerId)
                                                    .toList(),
                                            accepted.excluded())),
                            new Outgoing(
                                    Metadata.of(run.executionId, cause.eventId(), cause.traceparent(), now),
                                    new FailbackProgressChanged(
                                            run.executionId, run.waveId, run.attempt, run.published, now))),
                    consumed);
            wakeup.signal();
        } catch (JobStore.Conflict e) {
            if (!store.wavePlanned(waveKey)) {
                throw e;
            }
            LOG.infof(
                    "wave %s of %s was planned by another delivery meanwhile", request.waveId(), request.executionId());
        }
    }

    /** A preflight of a REPROTECT or FAILBACK: what {@link #onRequested} would decide for each server now. */
    public List<FailbackPlanner.Check> check(ExecutionType type, List<ServerSnapshot> servers) {
        return FailbackPlanner.check(type, preflight(servers));
    }

    /** Each server's source server, recovery instance and reversed server, one scope at a time. */
    private List<FailbackPlanner.Seen> preflight(List<ServerSnapshot> servers) {
        Map<Scope, List<ServerSnapshot>> byScope = new LinkedHashMap<>();
        for (ServerSnapshot s : servers) {
            byScope.computeIfAbsent(new Scope(s.accountId(), s.region()), k -> new ArrayList<>())
                    .add(s);
        }
        List<FailbackPlanner.Seen> out = new ArrayList<>();
        byScope.forEach((scope, list) -> {
            List<SourceServerId> ids =
                    list.stream().map(ServerSnapshot::sourceServerId).toList();
            Map<SourceServerId, SourceServerState> states = new HashMap<>();
            Map<SourceServerId, RecoveryInstanceView> instances = new HashMap<>();
            Map<SourceServerId, SourceServerState> reversed = new HashMap<>();
            String unreachable = null;
            try {
                drs.sourceServers(scope, ids).forEach(st -> states.put(st.sourceServerId(), st));
                for (RecoveryInstanceView ri : drs.recoveryInstances(scope, ids)) {
                    if (!ri.drill()) {
                        instances.put(ri.sourceServerId(), ri);
                    }
                }
                reversed.putAll(reversedStates(states.values()));
            } catch (DrsCallFailed e) {
                if (e.kind() != DrsCallFailed.Kind.ACCESS_DENIED && e.kind() != DrsCallFailed.Kind.REJECTED) {
                    throw e;
                }
                unreachable = "DRS in account " + scope.accountId() + " region " + scope.region()
                        + " cannot be reached: " + e.getMessage() + ". Check drs.accounts and GET /drs/accounts";
            }
            for (ServerSnapshot s : list) {
                out.add(new FailbackPlanner.Seen(
                        s,
                        states.get(s.sourceServerId()),
                        instances.get(s.sourceServerId()),
                        reversed.get(s.sourceServerId()),
                        unreachable));
            }
        });
        return out;
    }

    /** The reversed servers of those that have one, by the id of the server they reverse. */
    private Map<SourceServerId, SourceServerState> reversedStates(java.util.Collection<SourceServerState> states) {
        Map<Scope, Map<SourceServerId, SourceServerId>> wanted = new LinkedHashMap<>();
        for (SourceServerState st : states) {
            SourceServerArn.parse(st.reversedDirectionSourceServerArn())
                    .ifPresent(arn -> wanted.computeIfAbsent(arn.scope(), k -> new LinkedHashMap<>())
                            .put(arn.sourceServerId(), st.sourceServerId()));
        }
        Map<SourceServerId, SourceServerState> out = new HashMap<>();
        wanted.forEach((scope, byReversed) -> {
            try {
                for (SourceServerState r : drs.sourceServers(scope, byReversed.keySet())) {
                    out.put(byReversed.get(r.sourceServerId()), r);
                }
            } catch (DrsCallFailed e) {
                if (e.kind() != DrsCallFailed.Kind.ACCESS_DENIED && e.kind() != DrsCallFailed.Kind.REJECTED) {
                    throw e;
                }
                LOG.warnf("the origin %s cannot be read: %s", scope, e.getMessage());
            }
        });
        return out;
    }

    // ---- the passes

    /** Advances every due run that no instance holds. */
    public synchronized void tick() {
        boolean all = hinted.getAndSet(false);
        Instant now = clock.instant();
        for (FailbackRun run : store.openFailbacks()) {
            boolean held = run.leaseUntil != null && run.leaseUntil.isAfter(now);
            if (held || (!all && run.nextStepAt.isAfter(now))) {
                continue;
            }
            run.leaseOwner = owner;
            run.leaseUntil = now.plus(config.dispatch().lease());
            try {
                store.save(run, List.of(), List.of());
            } catch (JobStore.Conflict e) {
                continue;
            }
            Dispatcher.withCorrelation(run.executionId, () -> step(run));
        }
    }

    void step(FailbackRun run) {
        List<JobRequest> newJobs = new ArrayList<>();
        try {
            reverse(run);
            follow(run);
            awaitClients(run);
            launch(run, newJobs);
            followLaunches(run);
            giveUp(run);
        } catch (JobStore.Conflict e) {
            LOG.debugf("%s changed meanwhile; the next pass reads it again", run.id);
            return;
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s: a pass failed; it is tried again", run.id);
        }
        Instant now = clock.instant();
        List<Outgoing> events = new ArrayList<>();
        var views = run.views();
        boolean changed = !views.equals(run.published);
        if (changed) {
            run.published = views;
            events.add(new Outgoing(
                    Metadata.of(run.executionId, run.causationId, run.traceparent, now),
                    new FailbackProgressChanged(run.executionId, run.waveId, run.attempt, views, now)));
        }
        long min = config.tracking().minPollInterval().toMillis();
        run.pollDelayMillis = changed || !newJobs.isEmpty()
                ? min
                : Math.min(config.tracking().pollInterval().toMillis(), Math.max(min, run.pollDelayMillis * 2));
        run.nextStepAt = now.plusMillis(run.pollDelayMillis);
        run.leaseOwner = null;
        run.leaseUntil = null;
        run.done = run.allFinal();
        try {
            store.save(run, newJobs, events);
        } catch (JobStore.Conflict e) {
            LOG.debugf("%s changed meanwhile; the next pass reads it again", run.id);
            return;
        }
        if (changed) {
            LOG.infof("%s: %s", run.id, summary(run));
        }
        if (!newJobs.isEmpty()) {
            dispatcher.wakeup().signal();
        }
    }

    /** REVERSE_REPLICATION and the call of RESTORE_DIRECTION: intent first, then the call, once per server. */
    private void reverse(FailbackRun run) {
        List<FailbackServer> due = run.servers.stream()
                .filter(s -> !s.isFinal()
                        && (s.step == FailbackStep.REVERSE_REPLICATION
                                || (s.step == FailbackStep.RESTORE_DIRECTION && s.restoredArn == null)))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        List<FailbackServer> retried =
                due.stream().filter(s -> s.reverseIntentAt != null).toList();
        Instant now = clock.instant();
        List<FailbackServer> fresh =
                due.stream().filter(s -> s.reverseIntentAt == null).toList();
        if (!fresh.isEmpty()) {
            fresh.forEach(s -> s.reverseIntentAt = now);
            store.save(run, List.of(), List.of());
        }
        for (FailbackServer s : due) {
            boolean restore = s.step == FailbackStep.RESTORE_DIRECTION;
            Scope scope = restore ? s.reversed().orElseThrow().scope() : s.scope();
            RecoveryInstanceId instance =
                    restore ? Objects.requireNonNull(s.failedBackInstanceId) : s.recoveryInstanceId;
            String arn = null;
            try {
                if (!restore && retried.contains(s)) {
                    // An earlier pass decided the call and did not record its answer: DRS shows whether it ran.
                    arn = reversedArnOf(s.scope(), s.sourceServerId);
                }
                if (arn == null) {
                    arn = drs.reverseReplication(scope, instance);
                }
            } catch (DrsCallFailed e) {
                if (e.kind() == DrsCallFailed.Kind.CONFLICT) {
                    arn = restore
                            ? reversedArnOf(scope, s.reversed().orElseThrow().sourceServerId())
                            : reversedArnOf(s.scope(), s.sourceServerId);
                    if (arn == null) {
                        s.detail = "ReverseReplication of " + instance + " answered a conflict: " + e.getMessage()
                                + "; trying again";
                        continue;
                    }
                } else if (e.kind() == DrsCallFailed.Kind.REJECTED || e.kind() == DrsCallFailed.Kind.ACCESS_DENIED) {
                    s.set(
                            s.step,
                            FailbackStatus.FAILED,
                            "DRS refused ReverseReplication of " + instance + ": " + e.getMessage());
                    continue;
                } else {
                    s.detail = "ReverseReplication of " + instance + " failed: " + e.getMessage() + "; trying again";
                    continue;
                }
            }
            if (restore) {
                s.restoredArn = arn;
                s.set(
                        FailbackStep.RESTORE_DIRECTION,
                        FailbackStatus.IN_PROGRESS,
                        "replicating in the original direction again ("
                                + SourceServerArn.parse(arn)
                                        .map(Object::toString)
                                        .orElse(arn) + ")");
            } else {
                s.reversedArn = arn;
                s.set(
                        FailbackStep.REVERSED_SYNC,
                        FailbackStatus.IN_PROGRESS,
                        "replicating back to " + s.origin.describe() + " ("
                                + SourceServerArn.parse(arn)
                                        .map(Object::toString)
                                        .orElse(arn) + ")");
            }
        }
    }

    private @Nullable String reversedArnOf(Scope scope, SourceServerId server) {
        return drs.sourceServers(scope, List.of(server)).stream()
                .findFirst()
                .map(SourceServerState::reversedDirectionSourceServerArn)
                .orElse(null);
    }

    /** REVERSED_SYNC and RESTORE_DIRECTION after its call: the replicating server until CONTINUOUS. */
    private void follow(FailbackRun run) {
        Map<Scope, Map<SourceServerId, FailbackServer>> byScope = new LinkedHashMap<>();
        for (FailbackServer s : run.servers) {
            if (s.isFinal()) {
                continue;
            }
            String arn = s.step == FailbackStep.REVERSED_SYNC
                    ? s.reversedArn
                    : s.step == FailbackStep.RESTORE_DIRECTION ? s.restoredArn : null;
            SourceServerArn.parse(arn)
                    .ifPresent(a -> byScope.computeIfAbsent(a.scope(), k -> new LinkedHashMap<>())
                            .put(a.sourceServerId(), s));
        }
        byScope.forEach((scope, servers) -> {
            Map<SourceServerId, SourceServerState> states = new HashMap<>();
            try {
                drs.sourceServers(scope, servers.keySet()).forEach(st -> states.put(st.sourceServerId(), st));
            } catch (DrsCallFailed e) {
                LOG.warnf(
                        "DescribeSourceServers in %s failed: %s; looking again at the next pass",
                        scope, e.getMessage());
                return;
            }
            servers.forEach((id, s) -> {
                SourceServerState st = states.get(id);
                if (st == null) {
                    s.set(
                            s.step,
                            FailbackStatus.FAILED,
                            "DescribeSourceServers in " + scope + " does not show source server " + id
                                    + ": it was removed in DRS, or the credentials used there reach another account"
                                    + " (check drs.accounts and GET /drs/accounts)");
                    return;
                }
                s.replicationState = st.replicationState();
                s.lagSeconds = st.lagSeconds();
                String where =
                        s.step == FailbackStep.REVERSED_SYNC ? "back to the origin" : "in the original direction";
                if (st.replicationState() == ReplicationState.CONTINUOUS) {
                    s.set(
                            FailbackStep.DONE,
                            FailbackStatus.COMPLETED,
                            "replicating " + where + ": " + id + " in " + scope + " is CONTINUOUS");
                } else {
                    s.set(
                            s.step,
                            FailbackStatus.IN_PROGRESS,
                            "replicating " + where + ": " + id + " in " + scope + " is " + st.replicationState());
                }
            });
        });
    }

    /** On-premises FAILBACK_CLIENT: wait for FAILBACK_READY_FOR_LAUNCH. */
    private void awaitClients(FailbackRun run) {
        Map<Scope, List<FailbackServer>> waiting =
                group(run, s -> s.step == FailbackStep.FAILBACK_CLIENT && !s.isFinal(), FailbackServer::scope);
        waiting.forEach((scope, servers) -> {
            Map<SourceServerId, RecoveryInstanceView> instances = instancesOf(scope, servers);
            if (instances == null) {
                return;
            }
            for (FailbackServer s : servers) {
                RecoveryInstanceView ri = instances.get(s.sourceServerId);
                if (ri == null) {
                    s.set(s.step, FailbackStatus.FAILED, "recovery instance " + s.recoveryInstanceId + " is gone");
                    continue;
                }
                s.failbackState = ri.failbackState();
                String state = String.valueOf(ri.failbackState());
                switch (state) {
                    case "FAILBACK_READY_FOR_LAUNCH" ->
                        s.set(
                                FailbackStep.FAILBACK_LAUNCH,
                                FailbackStatus.WAITING,
                                "the Failback Client is ready; starting the failback launch");
                    case "FAILBACK_COMPLETED" ->
                        s.set(FailbackStep.DONE, FailbackStatus.COMPLETED, "DRS shows the failback completed");
                    case "FAILBACK_NOT_READY_FOR_LAUNCH", "FAILBACK_IN_PROGRESS" ->
                        s.set(
                                FailbackStep.FAILBACK_CLIENT,
                                FailbackStatus.IN_PROGRESS,
                                "the Failback Client is connected and replicating (" + state + ")");
                    default ->
                        s.set(
                                FailbackStep.FAILBACK_CLIENT,
                                FailbackStatus.WAITING,
                                "waiting for the DRS Failback Client: boot it on the target machine of "
                                        + s.sourceServerId + " for recovery instance " + s.recoveryInstanceId
                                        + " (failback state " + state + ")");
                }
            }
        });
    }

    /** FAILBACK_LAUNCH without a job yet: job requests, batched within each scope's quota. */
    private void launch(FailbackRun run, List<JobRequest> newJobs) {
        Map<Scope, List<FailbackServer>> due = group(
                run,
                s -> s.step == FailbackStep.FAILBACK_LAUNCH && !s.isFinal() && s.jobRequestId == null,
                s -> s.ec2() ? s.reversed().orElseThrow().scope() : s.scope());
        Instant now = clock.instant();
        due.forEach((scope, servers) -> {
            int size = accounts.quotas(scope).jobSize();
            for (int i = 0; i < servers.size(); i += size) {
                List<FailbackServer> batch = servers.subList(i, Math.min(servers.size(), i + size));
                run.jobs++;
                boolean ec2 = batch.get(0).ec2();
                List<Member> members = batch.stream()
                        .map(s -> ec2
                                ? new Member(
                                        s.reversed().orElseThrow().sourceServerId(),
                                        s.criticality,
                                        null,
                                        null,
                                        s.sourceServerId)
                                : new Member(s.sourceServerId, s.criticality, s.recoveryInstanceId))
                        .toList();
                JobRequest job = JobRequest.planned(
                        "JOB#" + run.executionId.value() + "#" + run.waveId.value() + "#" + run.attempt + "#F"
                                + run.jobs,
                        ec2 ? JobKind.LAUNCH : JobKind.FAILBACK,
                        run.executionId,
                        run.planId.value(),
                        scope,
                        run.attempt,
                        run.jobs,
                        false,
                        members,
                        String.format(
                                "%013d#%s#%013d#%s#%04d#F%04d",
                                run.createdAt.toEpochMilli(),
                                run.executionId.value(),
                                now.toEpochMilli(),
                                run.waveId.value(),
                                run.attempt,
                                run.jobs),
                        now,
                        Metadata.of(run.executionId, run.causationId, run.traceparent, now));
                job.causationId = run.causationId;
                job.traceparent = run.traceparent;
                job.waveId = run.waveId;
                job.batchCount = run.jobs;
                newJobs.add(job);
                for (FailbackServer s : batch) {
                    s.jobRequestId = job.id;
                    s.set(
                            FailbackStep.FAILBACK_LAUNCH,
                            FailbackStatus.IN_PROGRESS,
                            ec2
                                    ? "StartRecovery of "
                                            + s.reversed().orElseThrow().sourceServerId() + " in " + scope
                                            + " (the origin) is queued"
                                    : "StartFailbackLaunch of " + s.recoveryInstanceId + " is queued");
                }
            }
        });
    }

    /** FAILBACK_LAUNCH with a job: its result, and for on-premises servers the failback state. */
    private void followLaunches(FailbackRun run) {
        List<FailbackServer> launching = run.servers.stream()
                .filter(s -> s.step == FailbackStep.FAILBACK_LAUNCH && !s.isFinal() && s.jobRequestId != null)
                .toList();
        if (launching.isEmpty()) {
            return;
        }
        Map<String, Optional<JobRequest>> jobs = new HashMap<>();
        List<FailbackServer> onPremises = new ArrayList<>();
        for (FailbackServer s : launching) {
            JobRequest job = jobs.computeIfAbsent(s.jobRequestId, store::job).orElse(null);
            if (job == null) {
                continue;
            }
            s.jobId = job.jobId;
            SourceServerId participant = s.ec2() ? s.reversed().orElseThrow().sourceServerId() : s.sourceServerId;
            ServerLaunchState state = job.reported.get(participant);
            if (job.phase == JobPhase.DONE && state == null) {
                s.set(
                        s.step,
                        FailbackStatus.FAILED,
                        "DRS refused the failback launch: "
                                + (job.lastError == null ? "no reason given" : job.lastError));
                continue;
            }
            if (!s.ec2()) {
                onPremises.add(s);
                continue;
            }
            if (state == null) {
                continue;
            }
            if (state.launchStatus() == LaunchStatus.LAUNCHED && state.recoveryInstanceId() != null) {
                s.failedBackInstanceId = state.recoveryInstanceId();
                if (run.options.restoreDirection()) {
                    s.reverseIntentAt = null;
                    s.set(
                            FailbackStep.RESTORE_DIRECTION,
                            FailbackStatus.IN_PROGRESS,
                            "failed back as " + state.recoveryInstanceId() + "; calling ReverseReplication to protect"
                                    + " it in the original direction");
                } else {
                    s.set(
                            FailbackStep.DONE,
                            FailbackStatus.COMPLETED,
                            "failed back as " + state.recoveryInstanceId() + " in "
                                    + s.reversed().orElseThrow().scope());
                }
            } else if (state.launchStatus() == LaunchStatus.FAILED || state.launchStatus() == LaunchStatus.TERMINATED) {
                s.set(s.step, FailbackStatus.FAILED, "the launch at the origin failed: " + state.error());
            } else {
                s.detail = "StartRecovery in the origin: " + state.launchStatus();
            }
        }
        group(onPremises, s -> true, FailbackServer::scope).forEach((scope, servers) -> {
            Map<SourceServerId, RecoveryInstanceView> instances = instancesOf(scope, servers);
            if (instances == null) {
                return;
            }
            for (FailbackServer s : servers) {
                RecoveryInstanceView ri = instances.get(s.sourceServerId);
                s.failbackState = ri == null ? s.failbackState : ri.failbackState();
                JobRequest job = jobs.get(s.jobRequestId).orElseThrow();
                ServerLaunchState launch = job.reported.get(s.sourceServerId);
                if ("FAILBACK_COMPLETED".equals(s.failbackState)) {
                    s.set(FailbackStep.DONE, FailbackStatus.COMPLETED, "DRS shows FAILBACK_COMPLETED");
                } else if (launch != null && launch.launchStatus() == LaunchStatus.FAILED) {
                    stop(s, launch.error());
                } else if ("FAILBACK_ERROR".equals(s.failbackState)) {
                    if (job.phase == JobPhase.DONE) {
                        stop(s, launch == null ? null : launch.error());
                    } else {
                        s.detail = "FAILBACK_ERROR; reading DRS's reason from job " + job.jobId;
                    }
                } else {
                    s.detail = "StartFailbackLaunch: failback state " + s.failbackState;
                }
            }
        });
    }

    /** After FAILBACK_ERROR: StopFailback, so the instance can be failed back again by a retry. */
    private void stop(FailbackServer s, @Nullable String error) {
        String reason = "the failback launch failed (" + s.failbackState + "): "
                + (error == null ? "DRS gave no reason" : error);
        if (!s.stopped) {
            try {
                drs.stopFailback(s.scope(), s.recoveryInstanceId);
                s.stopped = true;
            } catch (DrsCallFailed e) {
                if (e.kind() == DrsCallFailed.Kind.THROTTLED || e.kind() == DrsCallFailed.Kind.AMBIGUOUS) {
                    s.detail = reason + "; StopFailback failed (" + e.getMessage() + "), trying again";
                    return;
                }
                s.set(s.step, FailbackStatus.FAILED, reason + "; StopFailback was refused: " + e.getMessage());
                return;
            }
        }
        s.set(
                s.step,
                FailbackStatus.FAILED,
                reason + "; StopFailback returned the instance to FAILBACK_NOT_STARTED: boot the Failback Client again"
                        + " and retry the wave");
    }

    /** Servers still waiting on something outside after {@code drs.failback.max-wait} fail with what they waited for. */
    private void giveUp(FailbackRun run) {
        Duration max = config.failback().maxWait();
        if (clock.instant().isBefore(run.createdAt.plus(max))) {
            return;
        }
        for (FailbackServer s : run.servers) {
            if (!s.isFinal() && s.jobRequestId == null) {
                s.set(s.step, FailbackStatus.FAILED, "gave up after " + max + " (drs.failback.max-wait): " + s.detail);
            }
        }
    }

    private @Nullable Map<SourceServerId, RecoveryInstanceView> instancesOf(Scope scope, List<FailbackServer> servers) {
        Map<SourceServerId, RecoveryInstanceView> out = new HashMap<>();
        try {
            for (RecoveryInstanceView ri : drs.recoveryInstances(
                    scope, servers.stream().map(s -> s.sourceServerId).toList())) {
                servers.stream()
                        .filter(s -> s.recoveryInstanceId.equals(ri.recoveryInstanceId()))
                        .findFirst()
                        .ifPresent(s -> out.put(s.sourceServerId, ri));
            }
        } catch (DrsCallFailed e) {
            LOG.warnf(
                    "DescribeRecoveryInstances in %s failed: %s; looking again at the next pass",
                    scope, e.getMessage());
            return null;
        }
        return out;
    }

    private static Map<Scope, List<FailbackServer>> group(
            FailbackRun run, Predicate<FailbackServer> which, java.util.function.Function<FailbackServer, Scope> by) {
        return group(run.servers, which, by);
    }

    private static Map<Scope, List<FailbackServer>> group(
            List<FailbackServer> servers,
            Predicate<FailbackServer> which,
            java.util.function.Function<FailbackServer, Scope> by) {
        Map<Scope, List<FailbackServer>> out = new LinkedHashMap<>();
        for (FailbackServer s : servers) {
            if (which.test(s)) {
                out.computeIfAbsent(by.apply(s), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    private static String summary(FailbackRun run) {
        Map<String, Integer> by = new java.util.TreeMap<>();
        run.servers.forEach(s -> by.merge(s.step + "/" + s.status, 1, Integer::sum));
        return by.toString();
    }
}
