package dev.drsorchestrator.drsadapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.drsadapter.application.LaunchService;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Member;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class LaunchTest extends DevstackTest {

    @Inject
    JobStore store;

    @Inject
    MeterRegistry metrics;

    @Test
    void aWaveOf250ServersIsSplitIntoThreeJobsAndTheThirdWaitsForCapacity() {
        // Both sides agree on 200 servers in all active jobs (%test.drs.quotas), so 100 + 100 fill it.
        drs.quotas(new DrsSettings.Quotas(100, 20, 200, 200));
        try {
            ExecutionId execution = ExecutionId.random();
            List<ServerSnapshot> servers = fleet(250, Criticality.CRITICAL);
            request(wave(execution, "big", 1, servers));

            WaveLaunchAccepted accepted = bus.awaitEvent(
                    WaveLaunchAccepted.class, e -> e.executionId().equals(execution));
            assertThat(accepted.batchCount()).isEqualTo(3);
            assertThat(accepted.launching()).hasSize(250);
            List<RecoveryJobStateChanged> done = awaitCompleted(execution, 250);
            assertThat(done.stream().flatMap(e -> e.servers().stream()))
                    .hasSize(250)
                    .allMatch(s -> s.launchStatus() == LaunchStatus.LAUNCHED && s.ec2InstanceId() != null);

            List<CallLog.Call> starts = calls("StartRecovery").stream()
                    .filter(c -> ids(servers).containsAll(serversOf(c)))
                    .toList();
            assertThat(starts).extracting(CallLog.Call::outcome).containsOnly("OK");
            assertThat(starts).extracting(c -> serversOf(c).size()).containsExactly(100, 100, 50);
            assertThat(starts.stream().flatMap(c -> serversOf(c).stream()).distinct())
                    .hasSize(250);
            assertThat(calls("StartRecovery"))
                    .extracting(CallLog.Call::outcome)
                    .doesNotContain("ServiceQuotaExceededException");
            // The third job started only after one of the first two ended: never more than 200 servers in flight.
            Instant third = starts.get(2).at();
            List<Instant> ends = new ArrayList<>();
            drs.allJobs().stream()
                    .filter(j -> j.path("jobID").asText().equals(starts.get(0).result())
                            || j.path("jobID").asText().equals(starts.get(1).result()))
                    .forEach(j -> ends.add(
                            OffsetDateTime.parse(j.path("endDateTime").asText()).toInstant()));
            assertThat(ends).hasSize(2).anyMatch(end -> !end.isAfter(third));
        } finally {
            drs.quotas(DrsSettings.Quotas.DEFAULT);
        }
    }

    @Test
    void theTraceOfTheRequestReachesTheDrsJobAndTheEventsAboutIt() {
        ExecutionId execution = ExecutionId.random();
        List<ServerSnapshot> servers = fleet(2, Criticality.CRITICAL);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EventMetadata traced = EventMetadata.first(execution.value(), "test", Instant.now())
                .withTraceparent("00-" + traceId + "-00f067aa0ba902b7-01");
        bus.put(wave(execution, "traced", 1, servers), traced);

        awaitCompleted(execution, 2);
        CallLog.Call start = startsOf(servers).get(0);
        String tag = start.request().path("tags").path(JobRequest.TAG_TRACE).asText();
        // The job's tag carries the trace context of the request that asked for it.
        assertThat(tag).isEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");
        // The events about the job continue that trace, though DRS's own event about it carried none.
        EventMetadata accepted =
                bus.awaitMetadata(WaveLaunchAccepted.class, e -> e.executionId().equals(execution));
        assertThat(accepted.traceparent()).startsWith("00-" + traceId + "-");
        assertThat(bus.all(RecoveryJobStateChanged.class, e -> e.executionId().equals(execution)))
                .isNotEmpty();
        EventMetadata completed = bus.awaitMetadata(
                RecoveryJobStateChanged.class,
                e -> e.executionId().equals(execution) && e.status() == JobStatus.COMPLETED);
        assertThat(completed.traceparent()).startsWith("00-" + traceId + "-");
    }

    @Test
    void aDuplicatedRequestLaunchesEachServerOnce() {
        ExecutionId execution = ExecutionId.random();
        List<ServerSnapshot> servers = fleet(5, Criticality.CRITICAL);
        WaveLaunchRequested request = wave(execution, "app", 1, servers);
        var meta = request(request);
        bus.put(request, meta); // the same event delivered again
        request(request); // and the same command under another event id
        awaitCompleted(execution, 5);
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> startsOf(servers).size() == 1);
        assertThat(bus.all(WaveLaunchAccepted.class, e -> e.executionId().equals(execution)))
                .hasSize(1);
    }

    @Test
    void aCrashBetweenIntentAndStartRecoveryLaunchesOnceAfterDescribeJobs() {
        ExecutionId execution = ExecutionId.random();
        List<ServerSnapshot> servers = fleet(3, Criticality.CRITICAL);
        // What a process that died right after writing its intent leaves: INTENT, lease expired, no job id.
        JobRequest abandoned = intent(execution, "crash-before", servers);
        store.planWave(
                "WAVE#" + execution.value() + "#crash-before#1",
                Instant.now(),
                execution,
                List.of(abandoned),
                List.of(),
                consumed());

        awaitCompleted(execution, 3);
        List<CallLog.Call> starts = startsOf(servers);
        assertThat(starts).hasSize(1);
        CallLog.Call describe = calls("DescribeJobs").stream()
                .filter(c -> c.request().path("filters").has("fromDate"))
                .findFirst()
                .orElseThrow();
        assertThat(describe.seq()).isLessThan(starts.get(0).seq());
        assertThat(store.job(abandoned.id).orElseThrow().phase).isEqualTo(JobPhase.DONE);
    }

    @Test
    void aJobStartedBeforeACrashIsFoundByItsTagsAndNotStartedAgain() {
        ExecutionId execution = ExecutionId.random();
        List<ServerSnapshot> servers = fleet(3, Criticality.CRITICAL);
        JobRequest abandoned = intent(execution, "crash-after", servers);
        // The process called StartRecovery (the job exists, tagged) and died before recording the job id.
        var started = drs.call(
                "StartRecovery",
                new dev.drsorchestrator.devstack.drs.DrsSimulator.Scope(devstack.account(), devstack.region()),
                startRecoveryBody(servers, abandoned.tags()));
        String jobId = started.path("job").path("jobID").asText();
        long seqAfterStart = drs.calls().all().get(drs.calls().all().size() - 1).seq();
        store.planWave(
                "WAVE#" + execution.value() + "#crash-after#1",
                Instant.now(),
                execution,
                List.of(abandoned),
                List.of(),
                consumed());

        List<RecoveryJobStateChanged> done = awaitCompleted(execution, 3);
        assertThat(done).extracting(e -> e.jobId().value()).containsOnly(jobId);
        assertThat(drs.calls().since(seqAfterStart, "StartRecovery").stream()
                        .filter(c -> ids(servers).containsAll(serversOf(c))))
                .isEmpty();
    }

    @Test
    void withThirtyPercentOfCallsThrottledTheWaveStillCompletes() {
        double throttledBefore = sum(CloudWatchNames.Meters.DRS_THROTTLED);
        drs.faults(new DrsSettings.Faults(Set.of(), 0, 0.3, 0, 0, 0, false));
        ExecutionId execution = ExecutionId.random();
        List<ServerSnapshot> servers = fleet(20, Criticality.CRITICAL);
        request(wave(execution, "throttled", 1, servers));

        List<RecoveryJobStateChanged> done = awaitCompleted(execution, 20);
        assertThat(done.stream().flatMap(e -> e.servers().stream()))
                .allMatch(s -> s.launchStatus() == LaunchStatus.LAUNCHED);
        assertThat(drs.calls().since(callsBefore, null))
                .extracting(CallLog.Call::outcome)
                .contains("ThrottlingException");
        assertThat(startsOf(servers).stream().filter(c -> c.outcome().equals("OK")))
                .hasSize(1);
        // Each throttled attempt counted, by operation (retried ones too: the wave completed).
        assertThat(sum(CloudWatchNames.Meters.DRS_THROTTLED)).isGreaterThan(throttledBefore);
        assertThat(metrics.find(CloudWatchNames.Meters.DRS_THROTTLED).counters())
                .extracting(c -> c.getId().getTag(CloudWatchNames.OPERATION))
                .isNotEmpty()
                .doesNotContainNull();
    }

    private double sum(String meter) {
        return metrics.find(meter).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void withEveryDrsEventLostTheWaveCompletesByPolling() {
        drs.faults(new DrsSettings.Faults(Set.of(), 0, 0, 1.0, 0, 0, false));
        ExecutionId execution = ExecutionId.random();
        List<ServerSnapshot> servers = fleet(4, Criticality.CRITICAL);
        request(wave(execution, "silent", 1, servers));

        List<RecoveryJobStateChanged> done = awaitCompleted(execution, 4);
        assertThat(done.get(0).servers()).allMatch(s -> s.launchStatus() == LaunchStatus.LAUNCHED);
        assertThat(calls("DescribeJobs")).isNotEmpty();
        // Every change was published once: PENDING, then each later status, never the same state twice.
        List<RecoveryJobStateChanged> all =
                bus.all(RecoveryJobStateChanged.class, e -> e.executionId().equals(execution));
        assertThat(all.stream().map(e -> e.status() + "/" + e.servers()).distinct())
                .hasSize(all.size());
    }

    @Test
    void aServerThatFailsToLaunchIsReportedFailedWithDrsReason() {
        double failuresBefore = sum(CloudWatchNames.Meters.DRS_LAUNCH_FAILURES);
        ExecutionId execution = ExecutionId.random();
        List<ServerSnapshot> servers = fleet(3, Criticality.CRITICAL);
        String failing = servers.get(1).sourceServerId().value();
        drs.faults(new DrsSettings.Faults(Set.of(failing), 0, 0, 0, 0, 0, false));
        request(wave(execution, "one-fails", 1, servers));

        List<RecoveryJobStateChanged> done = awaitCompleted(execution, 3);
        Map<String, ServerLaunchState> byServer = new HashMap<>();
        done.get(0).servers().forEach(s -> byServer.put(s.sourceServerId().value(), s));
        assertThat(byServer.get(failing).launchStatus()).isEqualTo(LaunchStatus.FAILED);
        assertThat(byServer.get(failing).error()).contains("devstack fault: launches of " + failing + " fail");
        assertThat(byServer.values())
                .filteredOn(s -> s.launchStatus() == LaunchStatus.LAUNCHED)
                .hasSize(2);
        // Counted right after the tracker recorded it, which may be just after the event went out.
        Awaitility.await()
                .untilAsserted(() -> assertThat(sum(CloudWatchNames.Meters.DRS_LAUNCH_FAILURES))
                        .isEqualTo(failuresBefore + 1));
    }

    @Test
    void aNotReadyCriticalServerRejectsTheWaveAndANotReadyOptionalOneIsLeftOut() {
        List<ServerSnapshot> critical = fleet(2, Criticality.CRITICAL);
        List<ServerSnapshot> optional = fleet(2, Criticality.OPTIONAL);
        drs.setReplication(optional.get(0).sourceServerId().value(), "INITIAL_SYNC", null);

        ExecutionId ok = ExecutionId.random();
        List<ServerSnapshot> mixed = new ArrayList<>(critical);
        mixed.addAll(optional);
        request(wave(ok, "mixed", 1, mixed));
        WaveLaunchAccepted accepted =
                bus.awaitEvent(WaveLaunchAccepted.class, e -> e.executionId().equals(ok));
        assertThat(accepted.launching()).hasSize(3);
        assertThat(accepted.excluded()).singleElement().satisfies(n -> {
            assertThat(n.sourceServerId()).isEqualTo(optional.get(0).sourceServerId());
            assertThat(n.reason()).isEqualTo(ServerNotReadyReason.NOT_CONTINUOUS);
            assertThat(n.detail()).contains("INITIAL_SYNC");
        });
        awaitCompleted(ok, 3);

        drs.setReplication(critical.get(0).sourceServerId().value(), "STALLED", null);
        ExecutionId refused = ExecutionId.random();
        request(wave(refused, "refused", 1, critical));
        WaveLaunchRejected rejected =
                bus.awaitEvent(WaveLaunchRejected.class, e -> e.executionId().equals(refused));
        assertThat(rejected.reason())
                .contains("CRITICAL")
                .contains(critical.get(0).sourceServerId().value());
        assertThat(rejected.servers()).extracting(n -> n.reason()).containsExactly(ServerNotReadyReason.NOT_CONTINUOUS);
        assertThat(startsOf(critical).stream()
                        .filter(c -> serversOf(c)
                                .contains(critical.get(1).sourceServerId().value())))
                .hasSize(1); // only the earlier, accepted wave launched it
    }

    // ---- helpers

    private List<CallLog.Call> startsOf(List<ServerSnapshot> servers) {
        return calls("StartRecovery").stream()
                .filter(c -> serversOf(c).stream().anyMatch(ids(servers)::contains))
                .toList();
    }

    private JobRequest intent(ExecutionId execution, String wave, List<ServerSnapshot> servers) {
        JobRequest j = new JobRequest();
        j.id = "JOB#" + execution.value() + "#" + wave + "#1#1";
        j.kind = JobKind.LAUNCH;
        j.executionId = execution;
        j.waveId = dev.drsorchestrator.contracts.ids.WaveId.of(wave);
        j.attempt = 1;
        j.batch = 1;
        j.batchCount = 1;
        j.accountId = devstack.account();
        j.region = devstack.region();
        j.drill = true;
        j.members = servers.stream()
                .map(s -> new Member(s.sourceServerId(), s.criticality(), null))
                .toList();
        Instant now = Instant.now();
        j.queueKey = now.toEpochMilli() + "#" + execution.value();
        j.createdAt = now;
        j.phase = JobPhase.INTENT;
        j.intentAt = now.minusSeconds(5);
        j.leaseOwner = "a-process-that-died";
        j.leaseUntil = now.minusSeconds(1);
        return j;
    }

    private static com.fasterxml.jackson.databind.JsonNode startRecoveryBody(
            List<ServerSnapshot> servers, Map<String, String> tags) {
        var body = dev.drsorchestrator.contracts.EventCodec.mapper().createObjectNode();
        var list = body.putArray("sourceServers");
        servers.forEach(
                s -> list.addObject().put("sourceServerID", s.sourceServerId().value()));
        body.put("isDrill", true);
        var t = body.putObject("tags");
        tags.forEach(t::put);
        return body;
    }

    private static dev.drsorchestrator.drsadapter.domain.Consumed consumed() {
        return new dev.drsorchestrator.drsadapter.domain.Consumed(
                "test-" + UUID.randomUUID(), "WaveLaunchRequested", 1);
    }

    static String waveKey(WaveLaunchRequested r) {
        return LaunchService.waveKey(r);
    }
}
