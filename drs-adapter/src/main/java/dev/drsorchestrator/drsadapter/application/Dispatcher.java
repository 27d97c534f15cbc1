package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.TerminationFailure;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.Capacity;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobObserver;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.JobView;
import dev.drsorchestrator.drsadapter.domain.Member;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.kit.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Starts the DRS jobs of the launch queue as capacity allows, exactly once each.
 *
 * <p>Before a job is started, its request moves to INTENT under a lease (a conditional write): that is the written
 * intent. Then DRS is called. Throttling, quota and conflict answers mean nothing happened: the request goes back to
 * the queue. An ambiguous answer (no response, a server error), or a crash before the job id was recorded, leaves the
 * request in INTENT; once its lease expires, an instance claims it and first looks for the job with
 * {@code DescribeJobs} by its tags, adopting it when found and starting it only when it is not there.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final RecoveryApi drs;
    private final LaunchPreparation preparation;
    private final JobStore store;
    private final Accounts accounts;
    private final DrsConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Tracing tracing;
    private final Wakeup wakeup = new Wakeup();
    private final String owner = "drs-adapter-" + UUID.randomUUID();

    Dispatcher(
            RecoveryApi drs,
            LaunchPreparation preparation,
            JobStore store,
            Accounts accounts,
            DrsConfig config,
            Clock clock,
            MeterRegistry metrics,
            Tracing tracing) {
        this.drs = drs;
        this.preparation = preparation;
        this.store = store;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    public Wakeup wakeup() {
        return wakeup;
    }

    /**
     * One pass over the queue: switch back the launch templates of drills that are done, reconcile abandoned intents,
     * then start what fits.
     */
    public synchronized void tick() {
        preparation.restoreDone(store);
        List<JobRequest> open = store.openJobs();
        Instant now = clock.instant();
        for (JobRequest j : open) {
            if (j.phase == JobPhase.INTENT && j.leaseExpired(now) && claim(j, now)) {
                traced(j, "reconcile", () -> reconcile(j));
            }
        }
        for (JobRequest j : Capacity.startable(open, accounts::quotas)) {
            if (claim(j, now)) {
                traced(j, "start", () -> start(j));
            }
        }
    }

    private boolean claim(JobRequest j, Instant now) {
        j.phase = JobPhase.INTENT;
        if (j.intentAt == null) {
            j.intentAt = now;
        }
        j.leaseOwner = owner;
        j.leaseUntil = now.plus(config.dispatch().lease());
        try {
            store.save(j, List.of());
            return true;
        } catch (JobStore.Conflict e) {
            LOG.debugf("%s was claimed by another instance", j.id);
            return false;
        }
    }

    /** The request's job may exist in DRS (a crash or an ambiguous answer): find it before starting anything. */
    private void reconcile(JobRequest j) {
        Instant since =
                Objects.requireNonNull(j.intentAt).minus(config.dispatch().reconcileWindow());
        List<JobView> jobs;
        try {
            jobs = drs.jobsSince(j.scope(), since);
        } catch (DrsCallFailed e) {
            retryLater(j, e, "looking for its job with DescribeJobs", true);
            return;
        }
        Optional<JobView> found =
                jobs.stream().filter(v -> j.isTaggedBy(v.tags())).findFirst();
        if (found.isPresent()) {
            LOG.infof(
                    "%s: found DRS job %s started before a crash or an unanswered call; adopting it, not launching"
                            + " again",
                    j.id, found.get().jobId());
            metrics.counter("drs.launch.reconciled", "found", "true").increment();
            activate(j, found.get());
        } else {
            LOG.infof("%s: DescribeJobs shows no job for this intent; starting it", j.id);
            metrics.counter("drs.launch.reconciled", "found", "false").increment();
            start(j);
        }
    }

    private void start(JobRequest j) {
        JobView view;
        j.launchAttempts++;
        if (j.kind == JobKind.LAUNCH) {
            try {
                preparation.prepare(j);
            } catch (DrsCallFailed e) {
                // Nothing was launched: a refusal is final (the wave hears why), anything else is tried again.
                metrics.counter("drs.launch.refused", "kind", e.kind().name()).increment();
                if (e.kind() == DrsCallFailed.Kind.REJECTED || e.kind() == DrsCallFailed.Kind.ACCESS_DENIED) {
                    refuse(j, e);
                } else {
                    retryLater(j, e, "setting its launch templates", false);
                }
                return;
            }
            if (!renewLease(j)) {
                return;
            }
        }
        try {
            view = switch (j.kind) {
                case LAUNCH -> drs.startRecovery(j.scope(), j.serverIds(), j.drill, j.snapshots(), j.tags());
                case FAILBACK -> drs.startFailbackLaunch(j.scope(), instances(j), j.tags());
                case TERMINATE -> drs.terminateRecoveryInstances(j.scope(), instances(j));
            };
        } catch (DrsCallFailed e) {
            metrics.counter("drs.launch.refused", "kind", e.kind().name()).increment();
            if (!e.definitelyNotApplied()) {
                // Maybe started: never call again before DescribeJobs says it is not there.
                j.lastError = e.getMessage() + " (the job may exist; checking with DescribeJobs)";
                j.leaseUntil = clock.instant().plus(config.dispatch().reconcileDelay());
                saveQuietly(j, List.of());
            } else if (e.kind() == DrsCallFailed.Kind.REJECTED) {
                refuse(j, e);
            } else {
                retryLater(j, e, "starting it", false);
            }
            return;
        }
        LOG.infof("%s: DRS job %s started with %d server(s)", j.id, view.jobId(), j.members.size());
        metrics.counter("drs.jobs.started", "kind", j.kind.name()).increment();
        activate(j, view);
    }

    /**
     * Setting a wave's launch templates takes calls: the lease is renewed before {@code StartRecovery}, and if another
     * instance took the request over meanwhile (the lease ran out), this one does not start it.
     */
    private boolean renewLease(JobRequest j) {
        j.leaseUntil = clock.instant().plus(config.dispatch().lease());
        try {
            store.save(j, List.of());
            return true;
        } catch (JobStore.Conflict e) {
            LOG.warnf(
                    "%s was taken over by another instance while its launch templates were set; not starting it", j.id);
            return false;
        }
    }

    private static List<RecoveryInstanceId> instances(JobRequest j) {
        return j.members.stream()
                .map(Member::recoveryInstanceId)
                .filter(Objects::nonNull)
                .toList();
    }

    /** DRS has the job: record its id and what it shows, and publish the first state. */
    private void activate(JobRequest j, JobView view) {
        JobObserver.Before before = JobObserver.Before.of(j);
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = clock.instant();
            j.phase = JobPhase.ACTIVE;
            j.jobId = view.jobId();
            j.launchedAt = now;
            j.leaseUntil = null;
            j.leaseOwner = null;
            j.lastError = null;
            Optional<EventPayload> event = JobObserver.observe(
                    j,
                    view,
                    JobObserver.Details.NONE,
                    now,
                    config.tracking().minPollInterval(),
                    config.tracking().pollInterval());
            try {
                store.save(j, event.map(e -> List.of(outgoing(j, e, now))).orElse(List.of()));
                Tracker.countLaunchFailures(metrics, JobObserver.failedLaunches(j, before));
                return;
            } catch (JobStore.Conflict e) {
                JobRequest fresh = store.job(j.id).orElseThrow();
                if (fresh.phase != JobPhase.INTENT) {
                    return;
                }
                j.version = fresh.version;
            }
        }
        LOG.errorf("%s: could not record DRS job %s; it is adopted by the next reconcile", j.id, view.jobId());
    }

    /** {@code mayExist}: the job may be in DRS, so the request stays an intent (reconciled again later). */
    private void retryLater(JobRequest j, DrsCallFailed e, String what, boolean mayExist) {
        LOG.warnf("%s: %s failed: %s; it is tried again", j.id, what, e.getMessage());
        j.lastError = e.getMessage();
        if (!mayExist) {
            j.phase = JobPhase.QUEUED;
            j.leaseOwner = null;
            j.leaseUntil = null;
        } else {
            j.leaseUntil = clock.instant().plus(config.dispatch().reconcileDelay());
        }
        saveQuietly(j, List.of());
    }

    /** DRS refused the request for good (validation, not found): report it instead of retrying forever. */
    private void refuse(JobRequest j, DrsCallFailed e) {
        LOG.errorf("%s: DRS refused it: %s", j.id, e.getMessage());
        Instant now = clock.instant();
        j.phase = JobPhase.DONE;
        j.endedAt = now;
        j.lastError = e.getMessage();
        j.leaseOwner = null;
        j.leaseUntil = null;
        EventPayload event;
        if (j.kind == JobKind.TERMINATE) {
            List<TerminationFailure> failed = new ArrayList<>(j.refused);
            for (RecoveryInstanceId id : instances(j)) {
                failed.add(new TerminationFailure(id, "DRS refused TerminateRecoveryInstances: " + e.getMessage()));
            }
            event = new RecoveryInstancesTerminated(
                    j.executionId, j.scope().accountId(), j.region, null, List.of(), failed);
        } else {
            event = new WaveLaunchRejected(
                    j.executionId,
                    Objects.requireNonNull(j.waveId),
                    j.attempt,
                    "DRS refused job " + j.batch + " of " + j.batchCount + " (" + j.members.size() + " servers in "
                            + j.scope() + "): " + e.getMessage(),
                    List.of());
        }
        saveQuietly(j, List.of(outgoing(j, event, now)));
    }

    private void saveQuietly(JobRequest j, List<Outgoing> events) {
        try {
            store.save(j, events);
        } catch (JobStore.Conflict e) {
            LOG.debugf("%s changed meanwhile; the next pass reads it again", j.id);
        }
    }

    static Outgoing outgoing(JobRequest j, EventPayload payload, Instant now) {
        return new Outgoing(Metadata.of(j.executionId, j.causationId, j.traceparent, now), payload);
    }

    /**
     * Runs {@code body} for {@code j} in a span of the trace that asked for the job ({@code j.traceparent}), so its
     * DRS calls are in that trace and the StartRecovery's tags carry it.
     */
    private void traced(JobRequest j, String what, Runnable body) {
        try (Tracing.Work work = tracing.start(what + " " + j.kind + " " + j.id, j.traceparent)
                .attribute(Tracing.CORRELATION_ID, j.executionId.value())) {
            withCorrelation(j, body);
        }
    }

    static void withCorrelation(JobRequest j, Runnable body) {
        withCorrelation(j.executionId, body);
    }

    static void withCorrelation(dev.drsorchestrator.contracts.ids.ExecutionId execution, Runnable body) {
        MDC.put("correlationId", execution.value());
        try {
            body.run();
        } finally {
            MDC.remove("correlationId");
        }
    }
}
