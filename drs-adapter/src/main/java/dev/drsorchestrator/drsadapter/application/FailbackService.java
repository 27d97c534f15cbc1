package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.FailbackPlanner;
import dev.drsorchestrator.drsadapter.domain.FailbackRun;
import dev.drsorchestrator.drsadapter.domain.FailbackServer;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

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
 * Every change of a server is published once, as {@code FailbackProgressChanged}. This class takes requests and runs
 * the passes; the steps are {@link ReverseReplications} and {@link FailbackLaunches}.
 */
@ApplicationScoped
public class FailbackService {

    private static final Logger LOG = Logger.getLogger(FailbackService.class);

    private final RecoveryApi drs;
    private final JobStore store;
    private final Dispatcher dispatcher;
    private final ReverseReplications replications;
    private final FailbackLaunches launches;
    private final DrsConfig config;
    private final Clock clock;
    private final Wakeup wakeup = new Wakeup();
    private final AtomicBoolean hinted = new AtomicBoolean();
    private final String owner = "drs-adapter-" + UUID.randomUUID();

    FailbackService(
            RecoveryApi drs,
            JobStore store,
            Dispatcher dispatcher,
            ReverseReplications replications,
            FailbackLaunches launches,
            DrsConfig config,
            Clock clock) {
        this.drs = drs;
        this.store = store;
        this.dispatcher = dispatcher;
        this.replications = replications;
        this.launches = launches;
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
        Map<Scope, List<ServerSnapshot>> byScope = Scope.group(servers);
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
                unreachable = LaunchService.unreachable(scope, e);
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
            replications.reverse(run);
            replications.follow(run);
            launches.awaitClients(run);
            launches.launch(run, newJobs);
            launches.followLaunches(run);
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

    private static String summary(FailbackRun run) {
        Map<String, Integer> by = new java.util.TreeMap<>();
        run.servers.forEach(s -> by.merge(s.step + "/" + s.status, 1, Integer::sum));
        return by.toString();
    }
}
