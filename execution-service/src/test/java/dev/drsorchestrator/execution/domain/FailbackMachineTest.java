package dev.drsorchestrator.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.RecoveryPointUsed;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.execution.Fixtures;
import dev.drsorchestrator.execution.domain.ExecutionMachine.Input;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * REPROTECT and FAILBACK waves end when drs-adapter says each server's failback is COMPLETED or FAILED (a launch
 * at the origin alone is not the end); a completed FAILBACK terminates the recovery-Region instances only on an
 * operator's confirmation; a point-in-time recovery carries the recovery point and records the snapshots used.
 */
class FailbackMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ServerOrigin ORIGIN =
            new ServerOrigin(ServerOrigin.Type.EC2, Fixtures.ACCOUNT, "us-west-2", "us-west-2a", null);

    @Test
    void aFailbackWaveEndsWhenEveryServerIsRestoredNotWhenItsLaunchAtTheOriginEnds() {
        List<ServerSnapshot> web = Fixtures.servers(2, 0);
        List<ServerSnapshot> db = Fixtures.servers(1, 0);
        // The return order as plan-service sends it: web first, db after.
        List<WaveSnapshot> waves =
                List.of(Fixtures.wave("web", List.of(), web), Fixtures.wave("db", List.of("web"), db));
        Decision requested = request(ExecutionType.FAILBACK, waves, null, new FailbackOptions(true, true));
        Execution e = requested.state();
        WaveLaunchRequested launch = only(requested.events(), WaveLaunchRequested.class);
        assertThat(launch.executionType()).isEqualTo(ExecutionType.FAILBACK);
        assertThat(launch.drill()).isFalse();
        assertThat(launch.failback()).isEqualTo(new FailbackOptions(true, true));
        assertThat(launch.waveId()).isEqualTo(WaveId.of("web"));

        report(e, new WaveLaunchAccepted(e.executionId, launch.waveId(), 1, 1, ids(web), List.of()));
        // The launch in the origin Region ends: reported under the plan's server ids, but the wave goes on.
        report(e, job(e.executionId, "web", web, JobStatus.COMPLETED, LaunchStatus.LAUNCHED));
        assertThat(e.wave("web").orElseThrow().status).isEqualTo(WaveStatus.RUNNING);
        ServerRun launched =
                e.wave("web").orElseThrow().servers.values().iterator().next();
        assertThat(launched.instanceRegion)
                .as("post-actions act where the instance runs")
                .isEqualTo("us-west-2");
        report(e, progress(e.executionId, "web", web, FailbackStep.RESTORE_DIRECTION, FailbackStatus.IN_PROGRESS));
        assertThat(e.wave("web").orElseThrow().status).isEqualTo(WaveStatus.RUNNING);

        Decision restored = report(e, progress(e.executionId, "web", web, FailbackStep.DONE, FailbackStatus.COMPLETED));
        assertThat(e.wave("web").orElseThrow().status).isEqualTo(WaveStatus.COMPLETED);
        assertThat(only(restored.events(), WaveLaunchRequested.class).waveId()).isEqualTo(WaveId.of("db"));
        ServerRun first =
                e.wave("web").orElseThrow().servers.values().iterator().next();
        assertThat(first.failbackStep).isEqualTo(FailbackStep.DONE);
        assertThat(first.returnFromInstanceId).isEqualTo(Fixtures.instanceOf(first.server.sourceServerId()));
        assertThat(first.origin).isEqualTo(ORIGIN);

        report(e, new WaveLaunchAccepted(e.executionId, WaveId.of("db"), 1, 1, ids(db), List.of()));
        Decision done = report(e, progress(e.executionId, "db", db, FailbackStep.DONE, FailbackStatus.COMPLETED));
        assertThat(done.events()).anyMatch(ExecutionCompleted.class::isInstance);
        assertThat(e.cleanup.status).isEqualTo(Cleanup.Status.AWAITING_CONFIRMATION);

        // Only an explicit confirmation terminates the recovery-Region instances the servers returned from.
        Decision confirmed = ExecutionMachine.apply(
                e, new Input.Operator(new Control(Control.Kind.CLEANUP, "bob", "sub-bob", null, null)), NOW);
        DrillCleanupRequested cleanup = only(confirmed.events(), DrillCleanupRequested.class);
        assertThat(cleanup.reason()).isEqualTo(CleanupReason.FAILBACK_CONFIRMED);
        assertThat(cleanup.requestedBy()).isEqualTo("bob");
        List<ServerSnapshot> all = new ArrayList<>(web);
        all.addAll(db);
        assertThat(cleanup.instances())
                .extracting(RecoveredServer::recoveryInstanceId)
                .containsExactlyInAnyOrderElementsOf(all.stream()
                        .map(s -> Fixtures.instanceOf(s.sourceServerId()))
                        .toList());
        assertThat(e.cleanup.status).isEqualTo(Cleanup.Status.REQUESTED);
    }

    @Test
    void aFailbackWhosePlanKeepsTheInstancesRefusesTheCleanupAndARunningOneWaitsForTheEnd() {
        List<ServerSnapshot> web = Fixtures.servers(1, 0);
        Execution keeps = request(
                        ExecutionType.FAILBACK,
                        List.of(Fixtures.wave("web", List.of(), web)),
                        null,
                        new FailbackOptions(true, false))
                .state();
        assertThatThrownBy(() -> ExecutionMachine.apply(
                        keeps,
                        new Input.Operator(new Control(Control.Kind.CLEANUP, "bob", "sub-bob", null, null)),
                        NOW))
                .isInstanceOf(ControlRejected.class)
                .hasMessageContaining("terminateRecoveryInstances is false");

        Execution running = request(
                        ExecutionType.FAILBACK,
                        List.of(Fixtures.wave("web", List.of(), web)),
                        null,
                        FailbackOptions.defaults())
                .state();
        assertThatThrownBy(() -> ExecutionMachine.apply(
                        running,
                        new Input.Operator(new Control(Control.Kind.CLEANUP, "bob", "sub-bob", null, null)),
                        NOW))
                .isInstanceOf(ControlRejected.class)
                .hasMessageContaining("only after the failback COMPLETED");
    }

    @Test
    void aReprotectWhoseCriticalServerFailsFailsTheWaveWithDrsReason() {
        List<ServerSnapshot> app = Fixtures.servers(1, 1);
        Decision requested =
                request(ExecutionType.REPROTECT, List.of(Fixtures.wave("app", List.of(), app)), null, null);
        Execution e = requested.state();
        assertThat(only(requested.events(), WaveLaunchRequested.class).failback())
                .isNull();
        report(e, new WaveLaunchAccepted(e.executionId, WaveId.of("app"), 1, 1, ids(app), List.of()));
        List<ServerFailbackState> states = List.of(
                state(app.get(0), FailbackStep.REVERSE_REPLICATION, FailbackStatus.FAILED, "DRS refused it: no"),
                state(app.get(1), FailbackStep.DONE, FailbackStatus.COMPLETED, "CONTINUOUS"));
        Decision failed =
                report(e, new FailbackProgressChanged(e.executionId, WaveId.of("app"), 1, states, NOW.plusSeconds(5)));
        WaveFailed wave = only(failed.events(), WaveFailed.class);
        assertThat(wave.reason()).contains("DRS refused it: no");
    }

    @Test
    void aServerLeftOutOrARejectedWaveEndsItsFailbackWithTheReason() {
        List<ServerSnapshot> app = Fixtures.servers(1, 1);
        Execution e = request(ExecutionType.REPROTECT, List.of(Fixtures.wave("app", List.of(), app)), null, null)
                .state();
        ServerSnapshot optional = app.get(1);
        report(
                e,
                new WaveLaunchAccepted(
                        e.executionId,
                        WaveId.of("app"),
                        1,
                        1,
                        List.of(app.get(0).sourceServerId()),
                        List.of(new dev.drsorchestrator.contracts.model.ServerNotReady(
                                optional.sourceServerId(),
                                Criticality.OPTIONAL,
                                dev.drsorchestrator.contracts.model.ServerNotReadyReason.WRONG_ORIGIN,
                                "the server's origin is on premises"))));
        ServerRun left = e.wave("app")
                .orElseThrow()
                .servers
                .get(optional.sourceServerId().value());
        assertThat(left.failbackStatus).isEqualTo(FailbackStatus.FAILED);
        assertThat(left.failbackDetail).contains("WRONG_ORIGIN").contains("on premises");

        List<ServerSnapshot> db = Fixtures.servers(1, 0);
        Execution rejected = request(ExecutionType.FAILBACK, List.of(Fixtures.wave("db", List.of(), db)), null, null)
                .state();
        report(
                rejected,
                new dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected(
                        rejected.executionId, WaveId.of("db"), 1, "DRS in 111122223333 cannot be reached", List.of()));
        ServerRun s =
                rejected.wave("db").orElseThrow().servers.values().iterator().next();
        assertThat(s.failbackStatus).isEqualTo(FailbackStatus.FAILED);
        assertThat(s.failbackDetail).isEqualTo("the wave was rejected: DRS in 111122223333 cannot be reached");
        assertThat(rejected.wave("db").orElseThrow().status).isEqualTo(WaveStatus.FAILED);
    }

    @Test
    void aPointInTimeRecoveryCarriesItsRecoveryPointAndRecordsTheSnapshotsUsed() {
        List<ServerSnapshot> db = Fixtures.servers(1, 0);
        RecoveryPoint point = new RecoveryPoint(NOW.minus(Duration.ofHours(3)), List.of());
        Decision requested = request(ExecutionType.RECOVERY, List.of(Fixtures.wave("db", List.of(), db)), point, null);
        Execution e = requested.state();
        WaveLaunchRequested launch = only(requested.events(), WaveLaunchRequested.class);
        assertThat(launch.recoveryPoint()).isEqualTo(point);
        assertThat(launch.failback()).isNull();
        Instant taken = NOW.minus(Duration.ofHours(3)).minusSeconds(120);
        report(
                e,
                new WaveLaunchAccepted(
                        e.executionId,
                        WaveId.of("db"),
                        1,
                        1,
                        ids(db),
                        List.of(),
                        List.of(new RecoveryPointUsed(db.get(0).sourceServerId(), "pit-0123456789abcdef0", taken))));
        ServerRun s = e.wave("db").orElseThrow().servers.values().iterator().next();
        assertThat(s.recoverySnapshotId).isEqualTo("pit-0123456789abcdef0");
        assertThat(s.recoverySnapshotTime).isEqualTo(taken);
        assertThat(s.failbackStatus).isNull();
    }

    // ---- helpers

    private static Decision request(
            ExecutionType type, List<WaveSnapshot> waves, RecoveryPoint point, FailbackOptions failback) {
        ExecutionRequested request = Fixtures.request(type, waves, point, failback, List.of());
        return ExecutionMachine.request(request, "sub-alice", ActiveExecutions.none(), NOW, Duration.ofMinutes(1));
    }

    private static Decision report(Execution e, EventPayload event) {
        return ExecutionMachine.apply(e, new Input.Reported(event), NOW);
    }

    private static RecoveryJobStateChanged job(
            ExecutionId id, String wave, List<ServerSnapshot> servers, JobStatus status, LaunchStatus launch) {
        return new RecoveryJobStateChanged(
                DrsJobId.of("drsjob-0123456789abcdef0"),
                id,
                WaveId.of(wave),
                1,
                1,
                Fixtures.ACCOUNT,
                "us-west-2",
                false,
                status,
                servers.stream()
                        .map(s -> new ServerLaunchState(
                                s.sourceServerId(), launch, RecoveryInstanceId.of("i-0fedcba98765432a1"), null, null))
                        .toList(),
                NOW);
    }

    private static FailbackProgressChanged progress(
            ExecutionId id, String wave, List<ServerSnapshot> servers, FailbackStep step, FailbackStatus status) {
        return new FailbackProgressChanged(
                id,
                WaveId.of(wave),
                1,
                servers.stream()
                        .map(s -> state(s, step, status, step + " " + status))
                        .toList(),
                NOW);
    }

    private static ServerFailbackState state(
            ServerSnapshot s, FailbackStep step, FailbackStatus status, String detail) {
        return new ServerFailbackState(
                s.sourceServerId(),
                step,
                status,
                detail,
                ORIGIN,
                Fixtures.instanceOf(s.sourceServerId()),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<dev.drsorchestrator.contracts.ids.SourceServerId> ids(List<ServerSnapshot> servers) {
        return servers.stream().map(ServerSnapshot::sourceServerId).toList();
    }

    private static <T> T only(List<EventPayload> events, Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("events of type %s", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }
}
