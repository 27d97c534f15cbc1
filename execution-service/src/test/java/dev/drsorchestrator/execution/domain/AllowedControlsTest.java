package dev.drsorchestrator.execution.domain;

import static dev.drsorchestrator.execution.Fixtures.map;
import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static dev.drsorchestrator.execution.domain.Control.Kind.APPROVE;
import static dev.drsorchestrator.execution.domain.Control.Kind.CANCEL;
import static dev.drsorchestrator.execution.domain.Control.Kind.CLEANUP;
import static dev.drsorchestrator.execution.domain.Control.Kind.PAUSE;
import static dev.drsorchestrator.execution.domain.Control.Kind.RESUME;
import static dev.drsorchestrator.execution.domain.Control.Kind.RETRY;
import static dev.drsorchestrator.execution.domain.Control.Kind.SKIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.execution.Fixtures;
import dev.drsorchestrator.execution.adapter.out.dynamodb.ExecutionJson;
import dev.drsorchestrator.execution.domain.ExecutionMachine.Input;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * {@link AllowedControls#of}: what the state machine accepts in a few states, as the machine itself answers
 * (each expectation follows from its rules: PAUSE only while RUNNING, RESUME only while PAUSED, CANCEL while active,
 * RETRY of a FAILED wave while RUNNING or PAUSED, SKIP of a WAITING, AWAITING_APPROVAL or FAILED wave while active,
 * CLEANUP of a DRILL that started and ended), and that trying them changes nothing.
 */
class AllowedControlsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** The execution after its request, with every command answered by the script until nothing more happens. */
    private static Execution run(ExecutionRequested request, Fixtures.FakeAdapter script) {
        Decision requested = ExecutionMachine.request(request, ActiveExecutions.none(), NOW);
        Execution e = requested.state();
        answer(e, requested, script);
        return e;
    }

    private static void answer(Execution e, Decision decision, Fixtures.FakeAdapter script) {
        Deque<EventPayload> commands = new ArrayDeque<>(decision.events());
        while (!commands.isEmpty()) {
            for (EventPayload report : script.answer(commands.poll())) {
                commands.addAll(ExecutionMachine.apply(e, new Input.Reported(report), NOW)
                        .events());
            }
        }
    }

    private static void control(Execution e, Control.Kind kind, String waveId, Fixtures.FakeAdapter script) {
        answer(
                e,
                ExecutionMachine.apply(e, new Input.Operator(new Control(kind, "bob", "sub-bob", "x", waveId)), NOW),
                script);
    }

    /** The allowed controls, checking on the way that trying them left the execution as it was. */
    private static AllowedControls allowed(Execution e) {
        byte[] before = ExecutionJson.write(e);
        AllowedControls allowed = AllowedControls.of(ExecutionJson.copies(e), NOW);
        assertThat(ExecutionJson.write(e)).as("the execution is unchanged").isEqualTo(before);
        return allowed;
    }

    private static ExecutionRequested drill(int approvals, List<WaveSnapshot> waves) {
        return Fixtures.request(ExecutionId.random(), PlanId.random(), ExecutionType.DRILL, approvals, waves);
    }

    @Test
    void awaitingApprovalAcceptsApproveAndCancelAndItsWaitingWavesMayBeSkipped() {
        Execution e = run(drill(1, threeTiers()), new Fixtures.FakeAdapter(NOW));
        assertThat(e.status).isEqualTo(ExecutionStatus.AWAITING_APPROVAL);

        AllowedControls allowed = allowed(e);

        assertThat(allowed.execution()).containsExactly(APPROVE, CANCEL);
        assertThat(allowed.waves()).isEqualTo(Map.of("db", List.of(SKIP), "app", List.of(SKIP), "web", List.of(SKIP)));
        assertThat(allowed.waves().keySet()).containsExactly("db", "app", "web");
        // The machine agrees: pause is refused in this state.
        assertThatThrownBy(() -> control(e, PAUSE, null, new Fixtures.FakeAdapter(NOW)))
                .isInstanceOf(ControlRejected.class);
    }

    @Test
    void aRunningExecutionMayBePausedOrCancelledNotResumedAndItsRunningWaveNeitherRetriedNorSkipped() {
        Execution e = ExecutionMachine.request(drill(0, threeTiers()), ActiveExecutions.none(), NOW)
                .state(); // db launched, not answered yet
        assertThat(e.status).isEqualTo(ExecutionStatus.RUNNING);

        AllowedControls allowed = allowed(e);

        assertThat(allowed.execution()).containsExactly(CANCEL, PAUSE);
        assertThat(allowed.wave("db")).isEmpty();
        assertThat(allowed.wave("app")).containsExactly(SKIP);
    }

    @Test
    void aPausedExecutionMayBeResumed() {
        Fixtures.FakeAdapter script = new Fixtures.FakeAdapter(NOW);
        Execution e = ExecutionMachine.request(drill(0, threeTiers()), ActiveExecutions.none(), NOW)
                .state();
        control(e, PAUSE, null, script);
        assertThat(e.status).isEqualTo(ExecutionStatus.PAUSED);

        assertThat(allowed(e).execution()).containsExactly(CANCEL, RESUME);
    }

    @Test
    void aWaveThatFailedUnderPauseMayBeRetriedOrSkipped() {
        List<WaveSnapshot> waves = map(threeTiers(), "app", w -> Fixtures.with(w, FailurePolicy.PAUSE));
        Fixtures.FakeAdapter script = new Fixtures.FakeAdapter(NOW)
                .failing(waves.get(1).servers().get(0).sourceServerId());
        Execution e = run(drill(0, waves), script);
        assertThat(e.status).isEqualTo(ExecutionStatus.PAUSED);
        assertThat(e.wave("app").orElseThrow().status).isEqualTo(WaveStatus.FAILED);

        AllowedControls allowed = allowed(e);

        assertThat(allowed.execution()).containsExactly(CANCEL, RESUME);
        assertThat(allowed.wave("app")).containsExactly(RETRY, SKIP);
        assertThat(allowed.wave("db")).isEmpty(); // COMPLETED
        assertThat(allowed.wave("web")).containsExactly(SKIP);
    }

    @Test
    void aWaveGateAwaitingApprovalMakesApproveAllowedAndSoDoSeveralWhichNeedAWaveId() {
        Execution gate = run(drill(0, map(threeTiers(), "app", Fixtures::withApproval)), new Fixtures.FakeAdapter(NOW));
        assertThat(gate.wave("app").orElseThrow().status).isEqualTo(WaveStatus.AWAITING_APPROVAL);
        assertThat(allowed(gate).execution()).containsExactly(APPROVE, CANCEL, PAUSE);
        assertThat(allowed(gate).wave("app")).containsExactly(SKIP);

        List<WaveSnapshot> parallel = List.of(
                Fixtures.withApproval(Fixtures.wave("db", List.of(), Fixtures.servers(1, 0))),
                Fixtures.withApproval(Fixtures.wave("cache", List.of(), Fixtures.servers(1, 0))));
        Execution two = run(drill(0, parallel), new Fixtures.FakeAdapter(NOW));
        // Approving without a waveId is refused here (which wave?), approving either wave is not.
        assertThatThrownBy(() -> control(two, APPROVE, null, new Fixtures.FakeAdapter(NOW)))
                .isInstanceOf(ControlRejected.class)
                .hasMessageContaining("name one with waveId");
        assertThat(allowed(two).execution()).contains(APPROVE);
    }

    @Test
    void aFinishedDrillMayOnlyBeCleanedUpAndAFinishedRecoveryNothing() {
        Execution drill = run(drill(0, threeTiers()), new Fixtures.FakeAdapter(NOW));
        assertThat(drill.status).isEqualTo(ExecutionStatus.COMPLETED);
        AllowedControls allowed = allowed(drill);
        assertThat(allowed.execution()).containsExactly(CLEANUP);
        assertThat(allowed.waves().values())
                .allSatisfy(kinds -> assertThat(kinds).isEmpty());

        Execution recovery = run(
                Fixtures.request(ExecutionId.random(), PlanId.random(), ExecutionType.RECOVERY, 0, threeTiers()),
                new Fixtures.FakeAdapter(NOW));
        assertThat(recovery.status).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(allowed(recovery).execution()).isEmpty();
    }

    @Test
    void approveIsAllowedWhileTheStateAwaitsAnApprovalEvenWhenTheTwoPersonRuleRefusesWhoeverTriesIt() {
        // Requested by the probe's own name: its approval is refused by the two-person rule, not by the state.
        Execution e = run(
                Fixtures.request(
                        ExecutionId.random(),
                        PlanId.random(),
                        ExecutionType.DRILL,
                        dev.drsorchestrator.contracts.model.Trigger.user(),
                        AllowedControls.PROBE_ACTOR,
                        1,
                        null,
                        threeTiers()),
                new Fixtures.FakeAdapter(NOW));
        assertThatThrownBy(() -> ExecutionMachine.apply(
                        ExecutionJson.copies(e).get(),
                        new Input.Operator(new Control(APPROVE, AllowedControls.PROBE_ACTOR, null, null, null)),
                        NOW))
                .isInstanceOf(ApprovalRefused.class);

        assertThat(allowed(e).execution()).containsExactly(APPROVE, CANCEL);
        assertThat(e.approvals).isEmpty();
    }

    @Test
    void aTrialThatFailsUnexpectedlyIsNotAllowedAndLoggedAtWarnOncePerExecutionAndControl() {
        Execution e = ExecutionMachine.request(drill(0, threeTiers()), ActiveExecutions.none(), NOW)
                .state();
        e.waves = null; // a state the machine cannot handle: every control fails with a NullPointerException
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(AllowedControls.class.getName());
        logger.addHandler(handler);
        try {
            assertThat(AllowedControls.accepts(e, RETRY, "db", NOW)).isFalse();
            assertThat(AllowedControls.accepts(e, RETRY, "db", NOW)).isFalse();
            assertThat(AllowedControls.accepts(e, SKIP, "db", NOW)).isFalse();
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getThrown()).isInstanceOf(NullPointerException.class);
        });
        assertThat(records.get(0).getMessage()).contains(e.executionId.value()).contains("retry of wave db");
        assertThat(records.get(1).getMessage()).contains(e.executionId.value()).contains("skip of wave db");
    }
}
