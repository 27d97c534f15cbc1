package dev.drsorchestrator.drsadapter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobObserverTest {

    private static final SourceServerId A = SourceServerId.of("s-0000000000000000a");
    private static final SourceServerId B = SourceServerId.of("s-0000000000000000b");
    private static final DrsJobId JOB = DrsJobId.of("drsjob-0000000000000000a");
    private static final Duration MIN = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(15);

    @Test
    void eachChangeIsPublishedOnceAndNothingMovesBack() {
        JobRequest job = job();
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(observe(job, view(JobStatus.STARTED, LaunchStatus.IN_PROGRESS, LaunchStatus.PENDING), t))
                .isPresent();
        assertThat(observe(job, view(JobStatus.STARTED, LaunchStatus.IN_PROGRESS, LaunchStatus.PENDING), t))
                .isEmpty();
        // An older observation (PENDING) changes nothing.
        assertThat(observe(job, view(JobStatus.PENDING, LaunchStatus.PENDING, LaunchStatus.PENDING), t))
                .isEmpty();
        Optional<EventPayload> done = JobObserver.observe(
                job,
                view(JobStatus.COMPLETED, LaunchStatus.LAUNCHED, LaunchStatus.FAILED),
                new JobObserver.Details(Map.of(B, "no snapshot"), Map.of()),
                t,
                MIN,
                MAX);
        RecoveryJobStateChanged event = (RecoveryJobStateChanged) done.orElseThrow();
        assertThat(event.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(event.servers())
                .extracting(s -> s.launchStatus())
                .containsExactly(LaunchStatus.LAUNCHED, LaunchStatus.FAILED);
        assertThat(event.servers().get(1).error()).isEqualTo("no snapshot");
        assertThat(event.servers().get(0).recoveryInstanceId()).isEqualTo(RecoveryInstanceId.of("i-000000000000000a"));
        assertThat(job.phase).isEqualTo(JobPhase.DONE);
    }

    @Test
    void pollingBacksOffWhileNothingChangesAndComesBackAfterAChange() {
        JobRequest job = job();
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        observe(job, view(JobStatus.STARTED, LaunchStatus.PENDING, LaunchStatus.PENDING), t);
        assertThat(job.pollDelayMillis).isEqualTo(2_000);
        observe(job, view(JobStatus.STARTED, LaunchStatus.PENDING, LaunchStatus.PENDING), t);
        observe(job, view(JobStatus.STARTED, LaunchStatus.PENDING, LaunchStatus.PENDING), t);
        assertThat(job.pollDelayMillis).isEqualTo(8_000);
        observe(job, view(JobStatus.STARTED, LaunchStatus.PENDING, LaunchStatus.PENDING), t);
        observe(job, view(JobStatus.STARTED, LaunchStatus.PENDING, LaunchStatus.PENDING), t);
        assertThat(job.pollDelayMillis).isEqualTo(15_000);
        assertThat(job.nextPollAt).isEqualTo(t.plusSeconds(15));
        observe(job, view(JobStatus.STARTED, LaunchStatus.IN_PROGRESS, LaunchStatus.PENDING), t);
        assertThat(job.pollDelayMillis).isEqualTo(2_000);
    }

    /** The servers whose launch failed with {@code view}, as the tracker counts them in drs.launch.failures. */
    private static List<SourceServerId> failedBy(JobRequest job, JobView view) {
        Map<SourceServerId, ServerLaunchState> before = new HashMap<>(job.reported);
        JobStatus statusBefore = job.jobStatus;
        observe(job, view, Instant.parse("2026-11-23T10:00:00Z"));
        return JobObserver.failedLaunches(job, new JobObserver.Before(before, statusBefore));
    }

    @Test
    void aServerCountsAsAFailedLaunchOnceWhenItFails() {
        JobRequest job = job();
        assertThat(failedBy(job, view(JobStatus.STARTED, LaunchStatus.IN_PROGRESS, LaunchStatus.PENDING)))
                .isEmpty();
        assertThat(failedBy(job, view(JobStatus.STARTED, LaunchStatus.IN_PROGRESS, LaunchStatus.FAILED)))
                .containsExactly(B);
        // Seen again, or with the job completing: B was counted already, and A launched.
        assertThat(failedBy(job, view(JobStatus.STARTED, LaunchStatus.IN_PROGRESS, LaunchStatus.FAILED)))
                .isEmpty();
        assertThat(failedBy(job, view(JobStatus.COMPLETED, LaunchStatus.LAUNCHED, LaunchStatus.FAILED)))
                .isEmpty();
    }

    @Test
    void aJobThatCompletesWithoutLaunchingAServerCountsItAsFailed() {
        JobRequest job = job();
        failedBy(job, view(JobStatus.STARTED, LaunchStatus.IN_PROGRESS, LaunchStatus.PENDING));
        assertThat(failedBy(job, view(JobStatus.COMPLETED, LaunchStatus.LAUNCHED, LaunchStatus.IN_PROGRESS)))
                .containsExactly(B);
        assertThat(failedBy(job, view(JobStatus.COMPLETED, LaunchStatus.LAUNCHED, LaunchStatus.IN_PROGRESS)))
                .isEmpty();
    }

    @Test
    void terminationJobsHaveNoLaunchFailures() {
        JobRequest job = job();
        job.kind = JobKind.TERMINATE;
        assertThat(failedBy(job, view(JobStatus.COMPLETED, LaunchStatus.FAILED, LaunchStatus.PENDING)))
                .isEmpty();
    }

    private static Optional<EventPayload> observe(JobRequest job, JobView view, Instant now) {
        return JobObserver.observe(job, view, JobObserver.Details.NONE, now, MIN, MAX);
    }

    private static JobView view(JobStatus status, LaunchStatus a, LaunchStatus b) {
        return new JobView(
                JOB,
                status,
                null,
                null,
                Map.of(),
                List.of(
                        new JobView.Participant(
                                A, a, a == LaunchStatus.LAUNCHED ? RecoveryInstanceId.of("i-000000000000000a") : null),
                        new JobView.Participant(B, b, null)));
    }

    private static JobRequest job() {
        JobRequest j = new JobRequest();
        j.id = "JOB#x";
        j.kind = JobKind.LAUNCH;
        j.executionId = ExecutionId.random();
        j.waveId = WaveId.of("app");
        j.attempt = 1;
        j.batch = 1;
        j.accountId = "111111111111";
        j.region = "us-east-1";
        j.jobId = JOB;
        j.phase = JobPhase.ACTIVE;
        return j;
    }
}
