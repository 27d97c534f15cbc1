package dev.drsorchestrator.execution.domain;

import static dev.drsorchestrator.execution.Fixtures.lambda;
import static dev.drsorchestrator.execution.Fixtures.map;
import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static dev.drsorchestrator.execution.Fixtures.with;
import static dev.drsorchestrator.execution.Fixtures.withActions;
import static dev.drsorchestrator.execution.Fixtures.withWaitAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.WaveActionCompleted;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.execution.Fixtures;
import dev.drsorchestrator.execution.adapter.out.dynamodb.ExecutionJson;
import dev.drsorchestrator.execution.domain.ExecutionMachine.Input;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The state machine driven by a scripted drs-adapter whose reports arrive in seeded random orders: shuffled,
 * duplicated, a job's STARTED after its COMPLETED, reports for unknown waves and other attempts, late timers, and
 * a "restart" (the state written and read back the way the store keeps it) between any two steps. Every order must
 * end in the same terminal state, and no wave attempt may be launched twice.
 */
class ExecutionMachineOrderTest {

    private static final int RUNS = 150;

    enum Scenario {
        ALL_LAUNCH(ExecutionStatus.COMPLETED),
        CRITICAL_FAILS_FAIL_FAST(ExecutionStatus.FAILED),
        CRITICAL_FAILS_CONTINUE(ExecutionStatus.COMPLETED),
        OPTIONAL_FAILS(ExecutionStatus.COMPLETED),
        ACTIONS_AND_WAIT(ExecutionStatus.COMPLETED),
        ACTION_FAILS(ExecutionStatus.FAILED),
        PARALLEL_WAVES(ExecutionStatus.COMPLETED);

        final ExecutionStatus expected;

        Scenario(ExecutionStatus expected) {
            this.expected = expected;
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyDeliveryOrderEndsInTheSameState(Scenario scenario) {
        Map<String, Long> outcomes = new TreeMap<>();
        String first = null;
        for (int seed = 0; seed < RUNS; seed++) {
            Run run = new Run(scenario, new Random(scenario.ordinal() * 10_000L + seed));
            run.drive();
            assertThat(run.state.status).as("seed %d of %s", seed, scenario).isEqualTo(scenario.expected);
            String fingerprint = run.fingerprint();
            if (first == null) {
                first = fingerprint;
            }
            assertThat(fingerprint).as("seed %d of %s", seed, scenario).isEqualTo(first);
            outcomes.merge(run.state.status.name(), 1L, Long::sum);
        }
        assertThat(outcomes).containsOnlyKeys(scenario.expected.name());
    }

    @Test
    void aWaveIsLaunchedOnlyAfterItsDependenciesAndEachAttemptOnce() {
        for (int seed = 0; seed < RUNS; seed++) {
            Run run = new Run(Scenario.PARALLEL_WAVES, new Random(seed));
            run.drive();
            Set<String> finished = new HashSet<>();
            Set<String> launched = new HashSet<>();
            for (EventPayload event : run.published) {
                if (event instanceof WaveCompleted c) {
                    finished.add(c.wave().waveId().value());
                } else if (event instanceof WaveLaunchRequested l) {
                    assertThat(launched.add(l.waveId().value() + "#" + l.attempt()))
                            .as("seed %d: %s attempt %d launched twice", seed, l.waveId(), l.attempt())
                            .isTrue();
                    WaveSnapshot wave = run.request.waves().stream()
                            .filter(w -> w.waveId().equals(l.waveId()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(finished)
                            .as("seed %d: %s launched before its dependencies completed", seed, l.waveId())
                            .containsAll(
                                    wave.dependsOn().stream().map(WaveId::value).toList());
                }
            }
        }
    }

    /** One execution, driven until nothing is left to deliver. */
    static final class Run {
        final Random random;
        final ExecutionRequested request;
        final Fixtures.FakeAdapter adapter;
        final List<Input> pending = new ArrayList<>();
        final List<Input> late = new ArrayList<>();
        final List<Input> delivered = new ArrayList<>();
        final List<EventPayload> published = new ArrayList<>();
        final Set<String> launches = new HashSet<>();
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Execution state;

        Run(Scenario scenario, Random random) {
            this.random = random;
            List<WaveSnapshot> waves = threeTiers();
            Fixtures.FakeAdapter adapter = new Fixtures.FakeAdapter(now);
            switch (scenario) {
                case ALL_LAUNCH -> {}
                case CRITICAL_FAILS_FAIL_FAST ->
                    adapter.failing(waves.get(1).servers().get(0).sourceServerId());
                case CRITICAL_FAILS_CONTINUE -> {
                    adapter.failing(waves.get(1).servers().get(0).sourceServerId());
                    waves = map(waves, "app", w -> with(w, FailurePolicy.CONTINUE));
                }
                case OPTIONAL_FAILS ->
                    adapter.failing(waves.get(2).servers().get(3).sourceServerId());
                case ACTIONS_AND_WAIT -> {
                    waves = map(
                            waves,
                            "db",
                            w -> withActions(w, List.of(lambda("stop-batch")), List.of(lambda("db-check"))));
                    waves = map(waves, "app", w -> withWaitAfter(w, 120));
                }
                case ACTION_FAILS -> {
                    waves = map(waves, "web", w -> withActions(w, List.of(), List.of(lambda("smoke-test"))));
                    adapter.failingAction("smoke-test");
                }
                case PARALLEL_WAVES ->
                    waves = List.of(
                            Fixtures.wave("db", List.of(), Fixtures.servers(3, 1)),
                            Fixtures.wave("cache", List.of(), Fixtures.servers(2, 0)),
                            Fixtures.wave("app", List.of("db", "cache"), Fixtures.servers(4, 0)),
                            Fixtures.wave("web", List.of("app"), Fixtures.servers(2, 1)),
                            Fixtures.wave("batch", List.of("db"), Fixtures.servers(1, 0)));
            }
            this.adapter = adapter;
            this.request = Fixtures.request(ExecutionType.DRILL, waves);
        }

        void drive() {
            Decision d = ExecutionMachine.request(request, ActiveExecutions.none(), now);
            state = d.state();
            take(d);
            int steps = 0;
            while (!pending.isEmpty() || !late.isEmpty()) {
                assertThat(++steps).as("the run does not settle").isLessThan(10_000);
                Input input;
                if (!pending.isEmpty()) {
                    input = pending.remove(random.nextInt(pending.size()));
                } else {
                    input = late.remove(0);
                }
                deliver(input);
                if (random.nextInt(5) == 0) {
                    deliver(delivered.get(random.nextInt(delivered.size())));
                }
                if (random.nextInt(7) == 0) {
                    deliver(noise());
                }
                if (random.nextInt(3) == 0) {
                    state = ExecutionJson.read(ExecutionJson.write(state));
                }
            }
        }

        private void deliver(Input input) {
            now = now.plusSeconds(1);
            delivered.add(input);
            take(ExecutionMachine.apply(state, input, now));
        }

        private void take(Decision d) {
            state = d.state();
            for (EventPayload event : d.events()) {
                published.add(event);
                if (event instanceof WaveLaunchRequested l) {
                    assertThat(launches.add(l.waveId() + "#" + l.attempt()))
                            .as("%s attempt %d launched twice", l.waveId(), l.attempt())
                            .isTrue();
                }
                List<EventPayload> answers = new ArrayList<>(adapter.answer(event));
                if (random.nextBoolean()) {
                    java.util.Collections.reverse(answers); // a job's COMPLETED before its STARTED
                }
                answers.forEach(a -> pending.add(new Input.Reported(a)));
            }
            for (Timer timer : d.timers()) {
                if (timer.kind() == Timer.Kind.WAIT_AFTER) {
                    pending.add(new Input.TimerFired(timer));
                } else {
                    late.add(new Input.TimerFired(timer));
                }
            }
        }

        /** A report about a wave that does not exist, or about an attempt that never ran. */
        private Input noise() {
            WaveLaunchRequested launch = new WaveLaunchRequested(
                    request.executionId(),
                    request.planId(),
                    random.nextBoolean()
                            ? WaveId.of("ghost")
                            : request.waves().get(0).waveId(),
                    7,
                    ExecutionType.DRILL,
                    true,
                    null,
                    request.waves().get(0).servers());
            List<EventPayload> answers = adapter.launch(launch);
            EventPayload pick = answers.get(random.nextInt(answers.size()));
            if (random.nextBoolean() && pick instanceof RecoveryJobStateChanged job) {
                pick = new WaveActionCompleted(
                        job.executionId(),
                        job.waveId(),
                        dev.drsorchestrator.contracts.ids.ActionId.of("no-such-action"),
                        dev.drsorchestrator.contracts.model.ActionPhase.PRE,
                        1,
                        dev.drsorchestrator.contracts.model.ActionOutcome.FAILED,
                        now,
                        now,
                        5,
                        null,
                        "boom");
            }
            return new Input.Reported(pick);
        }

        /** What must not depend on the order: statuses, counts, attempts, who launched, what was published. */
        String fingerprint() {
            Function<WaveRun, String> wave = w -> w.id() + "=" + w.status + "/a" + w.attempt + "/"
                    + ExecutionMachine.counts(w) + "/"
                    + w.servers.values().stream()
                            .map(s -> s.launchStatus + ":" + (s.recoveryInstanceId != null) + ":" + s.attempt + ":"
                                    + s.excluded)
                            .collect(Collectors.joining(","));
            Map<String, Long> types = published.stream()
                    .collect(Collectors.groupingBy(
                            e -> e.getClass().getSimpleName(), TreeMap::new, Collectors.counting()));
            return state.status + " " + state.cleanup.status + " " + state.cleanup.terminated.size() + " "
                    + state.waves.stream().map(wave).collect(Collectors.joining(" | ")) + " " + types;
        }
    }

    @Test
    void theTerminalEventIsPublishedOnceAndDrillCleanupFollowsTheTtl() {
        Run run = new Run(Scenario.CRITICAL_FAILS_FAIL_FAST, new Random(42));
        run.drive();
        assertThat(run.published).filteredOn(ExecutionFailed.class::isInstance).hasSize(1);
        assertThat(run.published)
                .filteredOn(ExecutionCompleted.class::isInstance)
                .isEmpty();
        WaveFailed failed = (WaveFailed) run.published.stream()
                .filter(WaveFailed.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(failed.wave().waveId().value()).isEqualTo("app");
        assertThat(failed.reason())
                .contains("1 of 3 critical server(s) failed to launch")
                .contains("insufficient capacity");
        DrillCleanupRequested cleanup = (DrillCleanupRequested) run.published.stream()
                .filter(DrillCleanupRequested.class::isInstance)
                .findFirst()
                .orElseThrow();
        // db launched 3; app launched 2 of 3 before failing; web never ran.
        assertThat(cleanup.instances()).hasSize(5);
        assertThat(run.state.cleanup.status).isEqualTo(Cleanup.Status.REPORTED);
        assertThat(run.state.wave("web").orElseThrow().status).isEqualTo(WaveStatus.CANCELLED);
        assertThat(run.published)
                .filteredOn(WaveLaunchRequested.class::isInstance)
                .extracting(e -> ((WaveLaunchRequested) e).waveId().value())
                .containsExactly("db", "app");
    }
}
