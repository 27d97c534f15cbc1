package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.events.drs.TerminationFailure;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Member;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.RecoveryInstanceView;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A drill cleanup becomes termination jobs: in each account and region, the recovery instances that are drill
 * instances ({@code isDrill}) of this execution (tagged with it, or launched by one of its jobs). A listed instance
 * that is not a drill instance is refused and reported, never terminated — except after a confirmed FAILBACK
 * ({@code FAILBACK_CONFIRMED}): then the listed recovery-Region instances are terminated when DRS shows their server
 * failed back (an on-premises server's instance in {@code FAILBACK_COMPLETED}, an EC2-origin server with a reversed
 * source server). The jobs go through the launch queue
 * (they count against the concurrent-jobs quota) and each reports {@code RecoveryInstancesTerminated} when DRS
 * completes it.
 */
@ApplicationScoped
public class CleanupService {

    private static final Logger LOG = Logger.getLogger(CleanupService.class);

    private final RecoveryApi drs;
    private final JobStore store;
    private final Accounts accounts;
    private final Dispatcher dispatcher;
    private final Clock clock;

    CleanupService(RecoveryApi drs, JobStore store, Accounts accounts, Dispatcher dispatcher, Clock clock) {
        this.drs = drs;
        this.store = store;
        this.accounts = accounts;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public void onRequested(DrillCleanupRequested request, EventMetadata cause, Consumed consumed) {
        Instant now = clock.instant();
        Set<DrsJobId> drillJobs = drillJobsOf(request);
        Map<Scope, List<RecoveredServer>> byScope = new LinkedHashMap<>();
        for (RecoveredServer s : request.instances()) {
            byScope.computeIfAbsent(new Scope(s.accountId(), s.region()), k -> new ArrayList<>())
                    .add(s);
        }
        Instant firstSeen = store.executionFirstSeen(request.executionId()).orElse(now);
        List<JobRequest> jobs = new ArrayList<>();
        List<Outgoing> events = new ArrayList<>();
        EventMetadata meta = Metadata.of(request.executionId(), cause.eventId(), cause.traceparent(), now);
        int n = 0;
        for (var entry : byScope.entrySet()) {
            Scope scope = entry.getKey();
            List<RecoveredServer> listed = entry.getValue();
            Set<RecoveryInstanceId> listedIds = new HashSet<>();
            listed.forEach(s -> {
                if (s.recoveryInstanceId() != null) {
                    listedIds.add(s.recoveryInstanceId());
                }
            });
            List<RecoveryInstanceView> found = drs.recoveryInstances(
                    scope, listed.stream().map(RecoveredServer::sourceServerId).toList());
            List<Member> targets = new ArrayList<>();
            List<TerminationFailure> refused = new ArrayList<>();
            if (request.reason() == CleanupReason.FAILBACK_CONFIRMED) {
                failedBack(scope, listed, listedIds, found, targets, refused);
                found = List.of();
            }
            for (RecoveryInstanceView ri : found) {
                boolean ours = request.executionId().value().equals(ri.tags().get(JobRequest.TAG_EXECUTION))
                        || (ri.jobId() != null && drillJobs.contains(ri.jobId()));
                if (ri.drill() && ours) {
                    targets.add(new Member(ri.sourceServerId(), null, ri.recoveryInstanceId()));
                } else if (listedIds.contains(ri.recoveryInstanceId())) {
                    refused.add(new TerminationFailure(
                            ri.recoveryInstanceId(),
                            ri.drill()
                                    ? "a drill instance of another execution (not tagged with " + request.executionId()
                                            + "); left running"
                                    : "not a drill instance (isDrill=false): the orchestrator never terminates"
                                            + " recovery instances; terminate it yourself if it is no longer needed"));
                }
            }
            LOG.infof(
                    "cleanup of %s in %s: %d drill instance(s) to terminate, %d refused",
                    request.executionId(), scope, targets.size(), refused.size());
            if (targets.isEmpty()) {
                events.add(new Outgoing(
                        meta,
                        new RecoveryInstancesTerminated(
                                request.executionId(), scope.accountId(), scope.region(), null, List.of(), refused)));
                continue;
            }
            int size = accounts.quotas(scope).maxServersPerRequest();
            for (int i = 0; i < targets.size(); i += size) {
                n++;
                JobRequest job = JobRequest.planned(
                        "JOB#" + request.executionId().value() + "#cleanup#" + consumed.eventId() + "#" + n,
                        JobKind.TERMINATE,
                        request.executionId(),
                        request.planId().value(),
                        scope,
                        1,
                        n,
                        true,
                        targets.subList(i, Math.min(targets.size(), i + size)),
                        String.format(
                                "%013d#%s#%013d#cleanup#%04d",
                                firstSeen.toEpochMilli(), request.executionId().value(), now.toEpochMilli(), n),
                        now,
                        cause);
                job.refused = i == 0 ? refused : new ArrayList<>();
                job.actor = request.requestedBy();
                jobs.add(job);
            }
        }
        for (JobRequest j : jobs) {
            j.batchCount = jobs.size();
        }
        try {
            store.createJobs(jobs, events, consumed);
        } catch (JobStore.Conflict e) {
            LOG.infof("cleanup %s of %s was planned by another delivery", consumed.eventId(), request.executionId());
            return;
        }
        dispatcher.wakeup().signal();
    }

    /** After a confirmed failback: the listed instances whose server DRS shows failed back; the others refused. */
    private void failedBack(
            Scope scope,
            List<RecoveredServer> listed,
            Set<RecoveryInstanceId> listedIds,
            List<RecoveryInstanceView> found,
            List<Member> targets,
            List<TerminationFailure> refused) {
        Map<dev.drsorchestrator.contracts.ids.SourceServerId, SourceServerState> states = new java.util.HashMap<>();
        drs.sourceServers(
                        scope,
                        listed.stream().map(RecoveredServer::sourceServerId).toList())
                .forEach(s -> states.put(s.sourceServerId(), s));
        for (RecoveryInstanceView ri : found) {
            if (!listedIds.contains(ri.recoveryInstanceId())) {
                continue;
            }
            SourceServerState server = states.get(ri.sourceServerId());
            boolean onPremisesDone = "FAILBACK_COMPLETED".equals(ri.failbackState());
            boolean ec2Done = server != null
                    && server.origin() != null
                    && server.origin().type() == ServerOrigin.Type.EC2
                    && server.reversedDirectionSourceServerArn() != null;
            if (!ri.drill() && (onPremisesDone || ec2Done)) {
                targets.add(new Member(ri.sourceServerId(), null, ri.recoveryInstanceId()));
            } else {
                refused.add(new TerminationFailure(
                        ri.recoveryInstanceId(),
                        ri.drill()
                                ? "a drill instance, not one a failback returned from: left running"
                                : "DRS does not show " + ri.sourceServerId() + " failed back (failback state "
                                        + ri.failbackState() + ", no reversed source server): left running"));
            }
        }
    }

    /** The DRS jobs that launched this execution's drill instances, as the adapter recorded them. */
    private Set<DrsJobId> drillJobsOf(DrillCleanupRequested request) {
        Set<DrsJobId> out = new HashSet<>();
        String cursor = null;
        do {
            JobStore.Page<JobRequest> page = store.jobsOf(request.executionId(), 200, cursor);
            for (JobRequest j : page.items()) {
                if (j.kind == JobKind.LAUNCH && j.drill && j.jobId != null) {
                    out.add(j.jobId);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
