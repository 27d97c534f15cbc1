package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobObserver;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.JobView;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.RecoveryInstanceView;
import dev.drsorchestrator.drsadapter.domain.Scope;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Follows the DRS jobs in flight. {@code DescribeJobs} is the truth: each job is looked at when due (soon after it
 * started or changed, then less often, at most {@code drs.tracking.poll-interval} apart), and at once when a DRS
 * event names it (events are hints; with every event lost, polling still sees each change). Each change of the job's
 * status or of a server's launch status is published once, as {@code RecoveryJobStateChanged}, with DRS's reason for
 * each failed server and the recovery instance of each launched one.
 */
@ApplicationScoped
public class Tracker {

    private static final Logger LOG = Logger.getLogger(Tracker.class);

    private final RecoveryApi drs;
    private final JobStore store;
    private final Dispatcher dispatcher;
    private final DrsConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Set<String> hinted = ConcurrentHashMap.newKeySet();
    private final Set<String> hintedScopes = ConcurrentHashMap.newKeySet();
    private final Wakeup wakeup = new Wakeup();

    Tracker(
            RecoveryApi drs,
            JobStore store,
            Dispatcher dispatcher,
            DrsConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.drs = drs;
        this.store = store;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Wakeup wakeup() {
        return wakeup;
    }

    /** A DRS event said something happened in this job: look at it now. */
    public void hint(DrsJobId job) {
        hinted.add(job.value());
        wakeup.signal();
    }

    /** A DRS event about a scope without a job id (a failback state change): look at its jobs now. */
    public void hint(Scope scope) {
        hintedScopes.add(scope.key());
        wakeup.signal();
    }

    public synchronized void tick() {
        Instant now = clock.instant();
        Map<Scope, List<JobRequest>> due = new LinkedHashMap<>();
        for (JobRequest j : store.openJobs()) {
            if (j.phase != JobPhase.ACTIVE || j.jobId == null) {
                continue;
            }
            boolean hint = hinted.remove(j.jobId.value())
                    || hintedScopes.contains(j.scope().key());
            if (hint || j.nextPollAt == null || !j.nextPollAt.isAfter(now)) {
                due.computeIfAbsent(j.scope(), s -> new ArrayList<>()).add(j);
            }
        }
        // Hints about jobs that are not (or not yet visibly) ours are dropped: polling covers them.
        hinted.clear();
        hintedScopes.clear();
        due.forEach(this::poll);
    }

    private void poll(Scope scope, List<JobRequest> jobs) {
        Map<DrsJobId, JobView> views = new HashMap<>();
        try {
            drs.jobs(scope, jobs.stream().map(j -> j.jobId).toList()).forEach(v -> views.put(v.jobId(), v));
        } catch (DrsCallFailed e) {
            LOG.warnf("DescribeJobs in %s failed: %s; looking again at the next poll", scope, e.getMessage());
            return;
        }
        metrics.counter("drs.jobs.polled").increment(jobs.size());
        for (JobRequest j : jobs) {
            JobView view = views.get(j.jobId);
            if (view == null) {
                LOG.warnf("%s: DescribeJobs does not show DRS job %s; looking again later", j.id, j.jobId);
                continue;
            }
            Dispatcher.withCorrelation(j, () -> observe(j, view));
        }
    }

    private void observe(JobRequest j, JobView view) {
        JobObserver.Details details;
        try {
            details = details(j, view);
        } catch (DrsCallFailed e) {
            LOG.warnf("%s: reading DRS's details failed: %s; looking again at the next poll", j.id, e.getMessage());
            return;
        }
        Instant now = clock.instant();
        JobObserver.Before before = JobObserver.Before.of(j);
        Optional<EventPayload> event = JobObserver.observe(
                j,
                view,
                details,
                now,
                config.tracking().minPollInterval(),
                config.tracking().pollInterval());
        try {
            store.save(
                    j, event.map(e -> List.of(Dispatcher.outgoing(j, e, now))).orElse(List.of()));
        } catch (JobStore.Conflict e) {
            LOG.debugf("%s was updated by another instance; it is read again at the next poll", j.id);
            return;
        }
        countLaunchFailures(metrics, JobObserver.failedLaunches(j, before));
        if (event.isPresent()) {
            LOG.infof("%s: DRS job %s is %s (%s)", j.id, j.jobId, j.jobStatus, counts(j));
        }
        if (j.phase == JobPhase.DONE) {
            dispatcher.wakeup().signal();
        }
    }

    private JobObserver.Details details(JobRequest j, JobView view) {
        if (j.kind == JobKind.TERMINATE) {
            return JobObserver.Details.NONE;
        }
        List<SourceServerId> failed = JobObserver.newlyFailed(j, view);
        List<SourceServerId> launched = JobObserver.launchedWithoutInstance(j, view);
        Map<SourceServerId, String> failures = failed.isEmpty() ? Map.of() : drs.launchFailures(j.scope(), j.jobId);
        Map<SourceServerId, RecoveryInstanceView> instances = new HashMap<>();
        if (!launched.isEmpty()) {
            for (RecoveryInstanceView ri : drs.recoveryInstances(j.scope(), launched)) {
                if (j.kind == JobKind.FAILBACK || j.jobId.equals(ri.jobId())) {
                    instances.put(ri.sourceServerId(), ri);
                }
            }
        }
        return new JobObserver.Details(failures, instances);
    }

    /** {@code drs.launch.failures}: one per server whose launch failed, counted by the instance that recorded it. */
    static void countLaunchFailures(MeterRegistry metrics, List<SourceServerId> failed) {
        if (!failed.isEmpty()) {
            metrics.counter(CloudWatchNames.Meters.DRS_LAUNCH_FAILURES).increment(failed.size());
        }
    }

    private static String counts(JobRequest j) {
        Map<String, Integer> by = new java.util.TreeMap<>();
        j.reported.values().forEach(s -> by.merge(s.launchStatus().name(), 1, Integer::sum));
        return by.toString();
    }
}
