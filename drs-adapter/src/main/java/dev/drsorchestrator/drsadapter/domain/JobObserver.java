package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.TerminationFailure;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns what DRS shows about a job into the adapter's events, without I/O. A change of the job's status or of any
 * server's launch status (or its recovery instance becoming known) is published once; nothing else is. A status
 * never moves back, whatever order observations come in.
 */
public final class JobObserver {

    private JobObserver() {}

    /** The extra facts a tracker looked up for servers that just ended: DRS's failure reasons, instance ids. */
    public record Details(Map<SourceServerId, String> failures, Map<SourceServerId, RecoveryInstanceView> instances) {
        public static final Details NONE = new Details(Map.of(), Map.of());
    }

    /** Servers of {@code view} that ended since the last observation and whose details are worth a lookup. */
    public static List<SourceServerId> newlyFailed(JobRequest job, JobView view) {
        return view.servers().stream()
                .filter(p ->
                        p.launchStatus() == LaunchStatus.FAILED && !was(job, p.sourceServerId(), LaunchStatus.FAILED))
                .map(JobView.Participant::sourceServerId)
                .toList();
    }

    public static List<SourceServerId> launchedWithoutInstance(JobRequest job, JobView view) {
        return view.servers().stream()
                .filter(p -> p.launchStatus() == LaunchStatus.LAUNCHED
                        && (p.recoveryInstanceId() == null || !was(job, p.sourceServerId(), LaunchStatus.LAUNCHED)))
                .map(JobView.Participant::sourceServerId)
                .toList();
    }

    /** What a job showed before an observation, to tell what the observation changed. */
    public record Before(
            Map<SourceServerId, ServerLaunchState> servers,
            @Nullable JobStatus status) {

        public Before {
            servers = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(servers));
        }

        public static Before of(JobRequest job) {
            return new Before(job.reported, job.jobStatus);
        }
    }

    /**
     * The servers whose launch failed with the observation just applied to {@code job}: those that became FAILED,
     * and, when the job just completed, those it left unlaunched (PENDING or IN_PROGRESS), as execution-service
     * reads them. None for termination jobs.
     */
    public static List<SourceServerId> failedLaunches(JobRequest job, Before before) {
        if (job.kind == JobKind.TERMINATE) {
            return List.of();
        }
        boolean justCompleted = job.jobStatus == JobStatus.COMPLETED && before.status() != JobStatus.COMPLETED;
        List<SourceServerId> failed = new ArrayList<>();
        job.reported.forEach((id, after) -> {
            ServerLaunchState was = before.servers().get(id);
            boolean newlyFailed = after.launchStatus() == LaunchStatus.FAILED
                    && (was == null || was.launchStatus() != LaunchStatus.FAILED);
            boolean leftUnlaunched = justCompleted
                    && (after.launchStatus() == LaunchStatus.PENDING
                            || after.launchStatus() == LaunchStatus.IN_PROGRESS);
            if (newlyFailed || leftUnlaunched) {
                failed.add(id);
            }
        });
        return failed;
    }

    private static boolean was(JobRequest job, SourceServerId id, LaunchStatus status) {
        ServerLaunchState before = job.reported.get(id);
        return before != null && before.launchStatus() == status;
    }

    /**
     * Applies an observation to {@code job} and returns the event to publish, if anything changed. Also moves the job
     * to DONE when DRS completed it, and sets when to look next: soon after a change, then less and less often.
     */
    public static Optional<EventPayload> observe(
            JobRequest job, JobView view, Details details, Instant now, Duration minPoll, Duration maxPoll) {
        boolean changed = false;
        if (job.jobStatus == null || rank(view.status()) > rank(job.jobStatus)) {
            job.jobStatus = view.status();
            changed = true;
        }
        for (JobView.Participant p : view.servers()) {
            ServerLaunchState before = job.reported.get(p.sourceServerId());
            ServerLaunchState after = merge(before, p, details);
            if (!after.equals(before)) {
                job.reported.put(p.sourceServerId(), after);
                changed = true;
            }
        }
        long min = minPoll.toMillis();
        job.pollDelayMillis = changed ? min : Math.min(maxPoll.toMillis(), Math.max(min, job.pollDelayMillis * 2));
        job.nextPollAt = now.plusMillis(job.pollDelayMillis);
        if (job.jobStatus == JobStatus.COMPLETED) {
            job.phase = JobPhase.DONE;
            job.endedAt = view.endedAt() == null ? now : view.endedAt();
        }
        if (!changed) {
            return Optional.empty();
        }
        if (job.kind == JobKind.TERMINATE) {
            return job.phase == JobPhase.DONE ? Optional.of(terminated(job)) : Optional.empty();
        }
        return Optional.of(new RecoveryJobStateChanged(
                Objects.requireNonNull(job.jobId),
                job.executionId,
                Objects.requireNonNull(job.waveId),
                job.attempt,
                job.batch,
                job.scope().accountId(),
                job.region,
                job.drill,
                job.jobStatus,
                job.reported.values().stream().map(s -> asPlanServer(job, s)).toList(),
                now));
    }

    /** A failback launch reports the reversed server's state under the plan's server id. */
    private static ServerLaunchState asPlanServer(JobRequest job, ServerLaunchState s) {
        SourceServerId plan = job.planServerId(s.sourceServerId());
        return plan.equals(s.sourceServerId())
                ? s
                : new ServerLaunchState(plan, s.launchStatus(), s.recoveryInstanceId(), s.ec2InstanceId(), s.error());
    }

    private static ServerLaunchState merge(@Nullable ServerLaunchState before, JobView.Participant p, Details details) {
        LaunchStatus status = before != null && rank(before.launchStatus()) > rank(p.launchStatus())
                ? before.launchStatus()
                : p.launchStatus();
        RecoveryInstanceView instance = details.instances().get(p.sourceServerId());
        RecoveryInstanceId recoveryInstance = p.recoveryInstanceId() != null
                ? p.recoveryInstanceId()
                : instance != null
                        ? instance.recoveryInstanceId()
                        : before == null ? null : before.recoveryInstanceId();
        var ec2 = instance != null && instance.ec2InstanceId() != null
                ? instance.ec2InstanceId()
                : before == null ? null : before.ec2InstanceId();
        String error = details.failures().get(p.sourceServerId());
        if (error == null && before != null) {
            error = before.error();
        }
        if (status == LaunchStatus.FAILED && error == null) {
            error = "DRS reported the launch FAILED without a reason in the job log";
        }
        return new ServerLaunchState(p.sourceServerId(), status, recoveryInstance, ec2, error);
    }

    private static RecoveryInstancesTerminated terminated(JobRequest job) {
        List<RecoveryInstanceId> done = new ArrayList<>();
        List<TerminationFailure> failed = new ArrayList<>(job.refused);
        for (Member m : job.members) {
            ServerLaunchState s = job.reported.get(m.sourceServerId());
            RecoveryInstanceId id = Objects.requireNonNull(m.recoveryInstanceId());
            if (s != null && s.launchStatus() == LaunchStatus.TERMINATED) {
                done.add(id);
            } else {
                failed.add(new TerminationFailure(
                        id,
                        "DRS termination job " + job.jobId + " ended with the instance "
                                + (s == null ? "not listed" : s.launchStatus())
                                + "; terminate it from the DRS console or retry the cleanup"));
            }
        }
        return new RecoveryInstancesTerminated(
                job.executionId, job.scope().accountId(), job.region, job.jobId, done, failed);
    }

    static int rank(@Nullable JobStatus status) {
        return status == null ? -1 : status.ordinal();
    }

    static int rank(LaunchStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case IN_PROGRESS -> 1;
            case LAUNCHED, FAILED -> 2;
            case TERMINATED -> 3;
        };
    }
}
