package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.map;
import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.ExecutionRejected;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.execution.WaveStarted;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests from "plan-service" and reports from "drs-adapter" on the bus drive executions to their ends. */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ExecutionFlowTest extends DevstackTest {

    @Test
    void aThreeWaveDrillRunsWaveByWaveToCompletedAndIsCleanedUpAfterItsTtl() {
        ExecutionRequested request = request(Fixtures.request(ExecutionType.DRILL, threeTiers()));
        ExecutionId id = request.executionId();

        ExecutionCompleted done = adapter.runUntil(id, ExecutionCompleted.class);
        assertThat(done.wavesCompleted()).isEqualTo(3);
        assertThat(done.counts().launched()).isEqualTo(10);
        assertThat(done.counts().total()).isEqualTo(10);

        List<WaveLaunchRequested> launches = adapter.launches(id);
        assertThat(launches).extracting(l -> l.waveId().value()).containsExactly("db", "app", "web");
        assertThat(launches).allSatisfy(l -> {
            assertThat(l.drill()).isTrue();
            assertThat(l.attempt()).isEqualTo(1);
            assertThat(l.rpoSeconds()).isEqualTo(300);
        });
        for (int i = 0; i < 3; i++) {
            assertThat(launches.get(i).servers())
                    .isEqualTo(request.waves().get(i).servers());
        }
        assertThat(bus.all(WaveStarted.class, e -> e.executionId().equals(id))).hasSize(3);
        assertThat(bus.all(WaveCompleted.class, e -> e.executionId().equals(id)))
                .extracting(w -> w.wave().index() + "/" + w.wave().total() + " "
                        + w.counts().launched())
                .containsExactly("1/3 3", "2/3 3", "3/3 4");

        String server = request.waves().get(2).servers().get(0).sourceServerId().value();
        given().get("/executions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("planVersion", equalTo(3))
                .body("waves.status", everyItem(equalTo("COMPLETED")))
                .body(
                        "waves[2].servers.find { it.sourceServerId == '" + server + "' }.launchStatus",
                        equalTo("LAUNCHED"))
                .body(
                        "waves[2].servers.find { it.sourceServerId == '" + server + "' }.recoveryInstanceId",
                        equalTo(Fixtures.instanceOf(
                                        request.waves().get(2).servers().get(0).sourceServerId())
                                .value()))
                .body("waves[2].jobs", hasSize(2))
                .body("waves[2].jobs.status", everyItem(equalTo("COMPLETED")))
                .body("rto.targetSeconds", equalTo(3600))
                .body("rto.met", equalTo(true))
                .body("cleanup.status", equalTo("SCHEDULED"));
        given().get("/executions/" + id + "/timeline?limit=1000")
                .then()
                .statusCode(200)
                .body("items[0].type", equalTo("ExecutionRequested"))
                .body("items.type", hasItem("RecoveryJobStateChanged"))
                .body("items.type", hasItem("ExecutionCompleted"));
        given().get("/executions/" + id + "/report")
                .then()
                .statusCode(200)
                .body("plan.version", equalTo(3))
                .body("requestedBy", equalTo("alice"))
                .body("trigger.type", equalTo("USER"))
                .body("waves", hasSize(3))
                .body("waves.durationSeconds", everyItem(notNullValue()))
                .body("rto.met", equalTo(true))
                .body("failures", hasSize(0));

        // The drill's TTL (30 minutes in the request) passes: its instances are to be terminated.
        assertThat(bus.all(DrillCleanupRequested.class, c -> c.executionId().equals(id)))
                .isEmpty();
        clock.advance(Duration.ofMinutes(31));
        DrillCleanupRequested cleanup = adapter.runUntil(id, DrillCleanupRequested.class);
        assertThat(cleanup.reason()).isEqualTo(CleanupReason.TTL_EXPIRED);
        assertThat(cleanup.instances()).hasSize(10);
        // runUntil may have seen the request before answering it: keep answering until the report lands.
        await().untilAsserted(() -> {
            adapter.answer(id);
            given().get("/executions/" + id)
                    .then()
                    .body("cleanup.status", equalTo("REPORTED"))
                    .body("cleanup.terminated", hasSize(10));
        });
    }

    @Test
    void aFailedCriticalServerUnderFailFastFailsTheExecutionAndNoFurtherWaveRuns() {
        List<WaveSnapshot> waves = threeTiers();
        ServerSnapshot failing = waves.get(1).servers().get(1);
        adapter.script.failing(failing.sourceServerId());
        ExecutionId id =
                request(Fixtures.request(ExecutionType.RECOVERY, waves)).executionId();

        ExecutionFailed failed = adapter.runUntil(id, ExecutionFailed.class);
        assertThat(failed.failedWave().waveId().value()).isEqualTo("app");
        assertThat(failed.reason())
                .contains("1 of 3 critical server(s) failed to launch")
                .contains(failing.sourceServerId().value())
                .contains("insufficient capacity");
        WaveFailed wave = bus.awaitEvent(WaveFailed.class, w -> w.executionId().equals(id));
        assertThat(wave.failurePolicy()).isEqualTo(FailurePolicy.FAIL_FAST);
        assertThat(adapter.launches(id)).extracting(l -> l.waveId().value()).containsExactly("db", "app");
        assertThat(adapter.launches(id)).noneMatch(WaveLaunchRequested::drill);
        given().get("/executions/" + id)
                .then()
                .body("status", equalTo("FAILED"))
                .body("waves.status", equalTo(List.of("COMPLETED", "FAILED", "CANCELLED")))
                .body("rto.met", equalTo(false))
                .body("cleanup", org.hamcrest.Matchers.nullValue());
        given().get("/executions/" + id + "/report")
                .then()
                .body("failures", hasSize(2))
                .body(
                        "waves[1].failedServers[0].sourceServerId",
                        equalTo(failing.sourceServerId().value()));
    }

    @Test
    void aFailedCriticalServerUnderContinueLetsTheRemainingWavesRun() {
        List<WaveSnapshot> waves = map(threeTiers(), "app", w -> Fixtures.with(w, FailurePolicy.CONTINUE));
        adapter.script.failing(waves.get(1).servers().get(0).sourceServerId());
        ExecutionId id = request(Fixtures.request(ExecutionType.DRILL, waves)).executionId();

        ExecutionCompleted done = adapter.runUntil(id, ExecutionCompleted.class);
        assertThat(done.wavesCompleted()).isEqualTo(2);
        assertThat(done.wavesFailed()).isEqualTo(1);
        assertThat(done.counts().failed()).isEqualTo(1);
        assertThat(adapter.launches(id)).extracting(l -> l.waveId().value()).containsExactly("db", "app", "web");
        assertThat(bus.awaitEvent(WaveFailed.class, w -> w.executionId().equals(id))
                        .failurePolicy())
                .isEqualTo(FailurePolicy.CONTINUE);
    }

    @Test
    void repeatedDeliveriesReportsOutOfOrderAndEventsForUnknownExecutionsChangeNothing() {
        ExecutionRequested request = Fixtures.request(ExecutionType.DRILL, threeTiers());
        ExecutionId id = request.executionId();
        EventMetadata once = EventBus.metadata();
        bus.put(request, once);
        bus.put(request, once); // the same event delivered twice
        bus.put(request, id.value()); // the same request published twice (a new event id)
        WaveLaunchRequested first =
                bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id));

        // drs-adapter reports the first wave's jobs: COMPLETED before STARTED, each report twice.
        List<dev.drsorchestrator.contracts.envelope.EventPayload> reports = adapter.script.launch(first);
        for (int i = reports.size() - 1; i >= 0; i--) {
            EventMetadata metadata = EventBus.metadata();
            bus.put(reports.get(i), metadata);
            bus.put(reports.get(i), metadata);
        }
        // ... and a report about an execution that does not exist.
        RecoveryJobStateChanged stray = (RecoveryJobStateChanged) reports.get(1);
        bus.put(
                new RecoveryJobStateChanged(
                        stray.jobId(),
                        ExecutionId.random(),
                        stray.waveId(),
                        1,
                        1,
                        stray.accountId(),
                        stray.region(),
                        true,
                        JobStatus.COMPLETED,
                        stray.servers(),
                        Instant.now()),
                "stray");

        bus.awaitEvent(
                WaveCompleted.class,
                w -> w.executionId().equals(id) && w.wave().waveId().value().equals("db"));
        ExecutionCompleted done = adapter.runUntil(id, ExecutionCompleted.class);
        assertThat(done.counts().launched()).isEqualTo(10);
        assertThat(bus.all(ExecutionStarted.class, e -> e.executionId().equals(id)))
                .hasSize(1);
        assertThat(adapter.launches(id))
                .extracting(l -> l.waveId().value() + "#" + l.attempt())
                .containsExactly("db#1", "app#1", "web#1");
        assertThat(bus.all(WaveCompleted.class, w -> w.executionId().equals(id)))
                .hasSize(3);
    }

    @Test
    void aPlanOrAServerInAnActiveExecutionCannotStartAnotherOne() {
        PlanId plan = PlanId.random();
        List<WaveSnapshot> waves = threeTiers();
        // The first execution waits for approval, and holds its plan and servers meanwhile.
        ExecutionId first = request(Fixtures.request(ExecutionId.random(), plan, ExecutionType.RECOVERY, 1, waves))
                .executionId();
        await().untilAsserted(
                        () -> given().get("/executions/" + first).then().body("status", equalTo("AWAITING_APPROVAL")));

        ExecutionId samePlan = request(
                        Fixtures.request(ExecutionId.random(), plan, ExecutionType.DRILL, 0, threeTiers()))
                .executionId();
        ExecutionRejected rejected =
                bus.awaitEvent(ExecutionRejected.class, r -> r.executionId().equals(samePlan));
        assertThat(rejected.conflictingExecutionId()).isEqualTo(first);
        assertThat(rejected.reason()).contains("already has an active execution " + first);

        List<WaveSnapshot> sharing = List.of(
                Fixtures.wave("solo", List.of(), List.of(waves.get(1).servers().get(2))));
        ExecutionId sameServer =
                request(Fixtures.request(ExecutionType.DRILL, sharing)).executionId();
        ExecutionRejected serverRejected =
                bus.awaitEvent(ExecutionRejected.class, r -> r.executionId().equals(sameServer));
        assertThat(serverRejected.conflictingServers())
                .containsExactly(waves.get(1).servers().get(2).sourceServerId());
        given().get("/executions/" + sameServer)
                .then()
                .body("status", equalTo("REJECTED"))
                .body("conflictingExecutionId", equalTo(first.value()));

        control(first.value(), "cancel", "{\"reason\":\"not needed after all\"}")
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        // Once the first has ended, the plan and its servers are free again.
        ExecutionId again = request(Fixtures.request(ExecutionId.random(), plan, ExecutionType.DRILL, 0, waves))
                .executionId();
        assertThat(bus.awaitEvent(ExecutionStarted.class, e -> e.executionId().equals(again)))
                .isNotNull();
        adapter.runUntil(again, ExecutionCompleted.class);
    }
}
