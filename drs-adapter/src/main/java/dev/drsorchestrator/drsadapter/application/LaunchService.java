package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.RecoveryPointUsed;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.Scope;
import dev.drsorchestrator.drsadapter.domain.WavePlanner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A wave launch request becomes job requests in the launch queue: preflight every server with DRS, reject the wave
 * when a CRITICAL server is not ready, split the rest into jobs within the quotas, and commit the plan with
 * {@code WaveLaunchAccepted} (or {@code WaveLaunchRejected}) in one transaction. A second request for the same wave
 * attempt changes nothing.
 */
@ApplicationScoped
public class LaunchService {

    private static final Logger LOG = Logger.getLogger(LaunchService.class);

    /** How many of a server's snapshots are searched for one named explicitly (DRS keeps them for days). */
    private static final int SNAPSHOTS_SEARCHED = 5000;

    private final RecoveryApi drs;
    private final JobStore store;
    private final Accounts accounts;
    private final Dispatcher dispatcher;
    private final FailbackService failbacks;
    private final Clock clock;

    LaunchService(
            RecoveryApi drs,
            JobStore store,
            Accounts accounts,
            Dispatcher dispatcher,
            FailbackService failbacks,
            Clock clock) {
        this.drs = drs;
        this.store = store;
        this.accounts = accounts;
        this.dispatcher = dispatcher;
        this.failbacks = failbacks;
        this.clock = clock;
    }

    public static String waveKey(WaveLaunchRequested r) {
        return "WAVE#" + r.executionId().value() + "#" + r.waveId().value() + "#" + r.attempt();
    }

    public void onRequested(WaveLaunchRequested request, EventMetadata cause, Consumed consumed) {
        if (request.executionType().returnsToOrigin()) {
            failbacks.onRequested(request, cause, consumed);
            return;
        }
        String waveKey = waveKey(request);
        if (store.wavePlanned(waveKey)) {
            LOG.infof(
                    "wave %s attempt %d of %s was planned before; this request changes nothing",
                    request.waveId(), request.attempt(), request.executionId());
            store.acknowledge(consumed, List.of());
            return;
        }
        List<WavePlanner.Seen> seen = preflight(request.servers(), request.recoveryPointOrLatest());
        WavePlanner.Plan plan = WavePlanner.plan(seen, request.rpoSeconds(), accounts::quotas);
        Instant now = clock.instant();
        EventMetadata meta = Metadata.of(request.executionId(), cause.eventId(), cause.traceparent(), now);
        try {
            if (plan instanceof WavePlanner.Rejected rejected) {
                reject(store, waveKey, request, meta, rejected.reason(), rejected.servers(), consumed);
                return;
            }
            WavePlanner.Accepted accepted = (WavePlanner.Accepted) plan;
            Instant known = store.executionFirstSeen(request.executionId()).orElse(null);
            Instant firstSeen = known == null ? now : known;
            List<JobRequest> jobs = new ArrayList<>();
            int n = 0;
            for (WavePlanner.Batch batch : accepted.batches()) {
                n++;
                JobRequest job = JobRequest.planned(
                        "JOB#" + request.executionId().value() + "#"
                                + request.waveId().value() + "#" + request.attempt() + "#" + n,
                        JobKind.LAUNCH,
                        request.executionId(),
                        request.planId().value(),
                        batch.scope(),
                        request.attempt(),
                        n,
                        request.drill(),
                        batch.members(),
                        String.format(
                                "%013d#%s#%013d#%s#%04d#%04d",
                                firstSeen.toEpochMilli(),
                                request.executionId().value(),
                                now.toEpochMilli(),
                                request.waveId().value(),
                                request.attempt(),
                                n),
                        now,
                        cause);
                job.waveId = request.waveId();
                job.batchCount = accepted.batches().size();
                job.drillNetwork = request.drillNetworkFor(
                                batch.scope().accountId(), batch.scope().region())
                        .orElse(null);
                jobs.add(job);
            }
            LOG.infof(
                    "wave %s attempt %d of %s: %d server(s) in %d job(s), %d left out",
                    request.waveId(),
                    request.attempt(),
                    request.executionId(),
                    accepted.launching().size(),
                    jobs.size(),
                    accepted.excluded().size());
            store.planWave(
                    waveKey,
                    known == null ? now : null,
                    request.executionId(),
                    jobs,
                    List.of(new Outgoing(
                            meta,
                            new WaveLaunchAccepted(
                                    request.executionId(),
                                    request.waveId(),
                                    request.attempt(),
                                    jobs.size(),
                                    accepted.launching(),
                                    accepted.excluded(),
                                    accepted.recoveryPoints()))),
                    consumed);
            dispatcher.wakeup().signal();
        } catch (JobStore.Conflict e) {
            if (!store.wavePlanned(waveKey)) {
                throw e;
            }
            LOG.infof(
                    "wave %s of %s was planned by another delivery meanwhile", request.waveId(), request.executionId());
        }
    }

    /**
     * Why a scope's servers cannot be checked, when DRS there refuses us (credentials, role, not initialized): every
     * server of the scope is then not ready with this reason. Any other failure is thrown (the request is retried).
     */
    static String unreachable(Scope scope, DrsCallFailed e) {
        if (e.kind() != DrsCallFailed.Kind.ACCESS_DENIED && e.kind() != DrsCallFailed.Kind.REJECTED) {
            throw e;
        }
        return "DRS in account " + scope.accountId() + " region " + scope.region() + " cannot be reached: "
                + e.getMessage() + ". Check drs.accounts (role, external id) and GET /drs/accounts";
    }

    /** Records the wave attempt as planned with nothing to launch, and says why in {@code WaveLaunchRejected}. */
    static void reject(
            JobStore store,
            String waveKey,
            WaveLaunchRequested request,
            EventMetadata meta,
            String reason,
            List<ServerNotReady> servers,
            Consumed consumed) {
        LOG.warnf(
                "%s wave %s of %s rejected: %s",
                request.executionType(), request.waveId(), request.executionId(), reason);
        store.planWave(
                waveKey,
                null,
                request.executionId(),
                List.of(),
                List.of(new Outgoing(
                        meta,
                        new WaveLaunchRejected(
                                request.executionId(), request.waveId(), request.attempt(), reason, servers))),
                consumed);
    }

    /** A preflight of a DRILL or RECOVERY launch: what {@link #onRequested} would decide for each server now. */
    public List<WavePlanner.Check> check(
            List<ServerSnapshot> servers, @Nullable Integer rpoSeconds, RecoveryPoint point) {
        return WavePlanner.check(preflight(servers, point), rpoSeconds);
    }

    /**
     * Asks DRS about every server of the wave, one scope at a time, and resolves the recovery point: the latest
     * snapshot at or before {@code latestBefore}, or the snapshot named for the server.
     */
    private List<WavePlanner.Seen> preflight(List<ServerSnapshot> servers, RecoveryPoint point) {
        Map<Scope, List<ServerSnapshot>> byScope = Scope.group(servers);
        List<WavePlanner.Seen> out = new ArrayList<>();
        byScope.forEach((scope, list) -> {
            List<SourceServerId> ids =
                    list.stream().map(ServerSnapshot::sourceServerId).toList();
            Map<SourceServerId, SourceServerState> states = new HashMap<>();
            String unreachable = null;
            try {
                drs.sourceServers(scope, ids).forEach(st -> states.put(st.sourceServerId(), st));
            } catch (DrsCallFailed e) {
                unreachable = unreachable(scope, e);
            }
            for (ServerSnapshot s : list) {
                RecoveryPointUsed used = null;
                String problem = null;
                if (unreachable == null && states.containsKey(s.sourceServerId()) && !point.isLatest()) {
                    try {
                        used = snapshot(scope, s.sourceServerId(), point);
                        if (used == null) {
                            problem = point.latestBefore() != null
                                    ? "DRS has no recovery snapshot of " + s.sourceServerId() + " taken at or before "
                                            + point.latestBefore() + "; choose a later point in time"
                                    : "DRS has no recovery snapshot " + point.snapshotOf(s.sourceServerId()) + " of "
                                            + s.sourceServerId() + " (DescribeRecoverySnapshots lists what exists)";
                        }
                    } catch (DrsCallFailed e) {
                        if (e.kind() != DrsCallFailed.Kind.ACCESS_DENIED && e.kind() != DrsCallFailed.Kind.REJECTED) {
                            throw e;
                        }
                        problem = "DescribeRecoverySnapshots failed: " + e.getMessage();
                    }
                }
                out.add(new WavePlanner.Seen(s, states.get(s.sourceServerId()), unreachable, used, problem));
            }
        });
        return out;
    }

    /** The snapshot the recovery point picks for {@code server} (null: none; the latest needs none named). */
    private @Nullable RecoveryPointUsed snapshot(Scope scope, SourceServerId server, RecoveryPoint point) {
        if (point.latestBefore() != null) {
            return drs.recoverySnapshots(scope, server, point.latestBefore(), 1).stream()
                    .findFirst()
                    .map(v -> new RecoveryPointUsed(server, v.snapshotId(), v.time()))
                    .orElse(null);
        }
        String wanted = point.snapshotOf(server);
        if (wanted == null) {
            return null;
        }
        return drs.recoverySnapshots(scope, server, null, SNAPSHOTS_SEARCHED).stream()
                .filter(v -> v.snapshotId().equals(wanted))
                .findFirst()
                .map(v -> new RecoveryPointUsed(server, v.snapshotId(), v.time()))
                .orElse(null);
    }
}
