package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.map;
import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionCancelled;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.ExecutionPaused;
import dev.drsorchestrator.contracts.events.execution.ExecutionResumed;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.execution.WaveStarted;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ApprovalScope;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** approve, pause, resume, cancel, retry, skip and cleanup through REST, each audited, each refused when illegal. */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ControlsTest extends DevstackTest {

    @Inject
    MeterRegistry metrics;

    private double waveTimeouts() {
        var counter = metrics.find(CloudWatchNames.Meters.WAVE_TIMEOUTS).counter();
        return counter == null ? 0 : counter.count();
    }

    private ExecutionId start(ExecutionType type, boolean approval, List<WaveSnapshot> waves) {
        return request(Fixtures.request(ExecutionId.random(), PlanId.random(), type, approval ? 1 : 0, waves))
                .executionId();
    }

    @Test
    void anExecutionThatNeedsApprovalWaitsUntilApprovedAndTheReportSaysWhoApproved() {
        ExecutionId id = start(ExecutionType.RECOVERY, true, threeTiers());
        ExecutionAwaitingApproval waiting = bus.awaitEvent(
                ExecutionAwaitingApproval.class, e -> e.executionId().equals(id));
        assertThat(waiting.scope()).isEqualTo(ApprovalScope.EXECUTION);
        assertThat(waiting.approvePath()).isEqualTo("/executions/" + id + "/approve");
        given().get("/executions/" + id)
                .then()
                .body("status", equalTo("AWAITING_APPROVAL"))
                .body("awaitingApproval[0].approvePath", equalTo("/executions/" + id + "/approve"));
        assertThat(adapter.launches(id)).isEmpty();
        control(id.value(), "pause", "{\"reason\":\"x\"}")
                .statusCode(409)
                .body("type", containsString("illegal-control"))
                .body("state", equalTo("AWAITING_APPROVAL"));

        control(id.value(), "approve", "{\"reason\":\"storage team confirmed the outage\"}")
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("approvedBy", equalTo("bob"));
        adapter.runUntil(id, ExecutionCompleted.class);
        given().get("/executions/" + id + "/report")
                .then()
                .body("approvedBy", equalTo("bob"))
                .body("controls[0].type", equalTo("APPROVE"))
                .body("controls[0].actor", equalTo("bob"))
                .body("controls[0].summary", containsString("storage team confirmed the outage"));
    }

    @Test
    void anApprovalCarriesTheCallersTraceToTheWaveItLaunches() {
        ExecutionId id = start(ExecutionType.RECOVERY, true, threeTiers());
        bus.awaitEvent(ExecutionAwaitingApproval.class, e -> e.executionId().equals(id));
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        String answered = given().auth()
                .oauth2(token("bob"))
                .contentType("application/json")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body("{\"reason\":\"traced\"}")
                .when()
                .post("/executions/" + id + "/approve")
                .then()
                .statusCode(200)
                .extract()
                .header("traceparent");

        // The request's own span, a child of the caller's: same trace, a span of its own.
        assertThat(answered).startsWith("00-" + traceId + "-").doesNotContain("b7ad6b7169203331");
        var launch = bus.awaitMetadata(
                WaveLaunchRequested.class, e -> e.executionId().equals(id));
        assertThat(launch.traceparent()).isEqualTo(answered);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRecoveryAndTwoOtherPeopleMustBeforeItLaunches() {
        ExecutionId id = request(Fixtures.request(
                        ExecutionId.random(), PlanId.random(), ExecutionType.RECOVERY, 2, threeTiers()))
                .executionId();
        ExecutionAwaitingApproval waiting = bus.awaitEvent(
                ExecutionAwaitingApproval.class, e -> e.executionId().equals(id));
        assertThat(waiting.requiredApprovals()).isEqualTo(2);
        assertThat(waiting.requestedBy()).isEqualTo("alice");

        control(id.value(), "approve", "{}", "alice")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("type", containsString("two-person-rule"))
                .body(
                        "detail",
                        equalTo("two-person rule: alice requested this RECOVERY, so another approver must approve it"))
                .body("requestedBy", equalTo("alice"))
                .body("approvals", equalTo(0))
                .body("requiredApprovals", equalTo(2));
        control(id.value(), "approve", "{\"reason\":\"outage confirmed\"}", "bob")
                .statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL"))
                .body("approval.requiredApprovals", equalTo(2))
                .body("approval.missing", equalTo(1))
                .body("approval.approvals.approver", equalTo(List.of("bob")))
                .body("approval.approvals[0].approverId", equalTo(Identities.subjectOf("bob")))
                .body("approval.approvals[0].comment", equalTo("outage confirmed"))
                .body("awaitingApproval[0].message", containsString("1 more approval(s)"));
        control(id.value(), "approve", "{}", "bob")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("already-approved"))
                .body("detail", equalTo("already approved by bob; 1 more approval from someone else is needed"));
        assertThat(bus.all(WaveLaunchRequested.class, l -> l.executionId().equals(id)))
                .isEmpty();

        control(id.value(), "approve", "{}", "carol")
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("requestedBy", equalTo("alice"))
                .body("requestedById", equalTo(Identities.subjectOf("alice")))
                .body("approval.missing", equalTo(0))
                .body("approval.approvals.approver", equalTo(List.of("bob", "carol")));
        WaveLaunchRequested launch =
                bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id));
        assertThat(launch.waveId().value()).isEqualTo("db");
        adapter.runUntil(id, ExecutionCompleted.class);
        given().get("/executions/" + id + "/report")
                .then()
                .body("approval.approvals.approver", equalTo(List.of("bob", "carol")))
                .body("summary", containsString("approved by 2 of 2 required (bob, carol), requested by alice"))
                .body("controls.type", equalTo(List.of("APPROVE", "APPROVAL", "APPROVE", "APPROVAL")));
        given().get("/executions/" + id + "/timeline")
                .then()
                .body(
                        "items.summary",
                        hasItem("approval 2 of 2 by carol (" + Identities.subjectOf("carol")
                                + "); the first wave starts"));
    }

    @Test
    void anAlarmInAutoModeRunsARecoveryWithoutApprovalAndTheViewAndReportSayWhy() {
        String reason = "alarm binding 'shop-down' is in AUTO mode: the RECOVERY starts without approval";
        ExecutionId id = request(Fixtures.request(
                        ExecutionId.random(),
                        PlanId.random(),
                        ExecutionType.RECOVERY,
                        Trigger.alarm(
                                "arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-down",
                                "shop-down",
                                "5xx > 5%",
                                Instant.parse("2026-11-23T10:00:00Z")),
                        "alarm:shop-down",
                        0,
                        reason,
                        threeTiers()))
                .executionId();

        adapter.runUntil(id, ExecutionCompleted.class);
        given().get("/executions/" + id)
                .then()
                .body("requestedBy", equalTo("alarm:shop-down"))
                .body("approval.requiredApprovals", equalTo(0))
                .body("approval.reason", equalTo(reason))
                .body("approval.approvals", hasSize(0));
        given().get("/executions/" + id + "/report")
                .then()
                .body("approval.reason", equalTo(reason))
                .body("summary", containsString("no approval required (" + reason + ")"));
        assertThat(bus.all(ExecutionAwaitingApproval.class, e -> e.executionId().equals(id)))
                .isEmpty();
    }

    @Test
    void aWaveWithAnApprovalGateWaitsForItsOwnApproval() {
        ExecutionId id = start(ExecutionType.DRILL, false, map(threeTiers(), "app", Fixtures::withApproval));
        ExecutionAwaitingApproval gate = adapter.runUntil(id, ExecutionAwaitingApproval.class);
        assertThat(gate.scope()).isEqualTo(ApprovalScope.WAVE);
        assertThat(gate.wave().waveId().value()).isEqualTo("app");
        assertThat(adapter.launches(id)).extracting(l -> l.waveId().value()).containsExactly("db");
        control(id.value(), "approve", "{\"waveId\":\"web\"}")
                .statusCode(409)
                .body("detail", containsString("awaits no approval"));
        control(id.value(), "approve", "{}").statusCode(200);
        assertThat(adapter.runUntil(id, ExecutionCompleted.class).wavesCompleted())
                .isEqualTo(3);
    }

    @Test
    void pauseHoldsNewWorkWhileReportsAreStillRecordedAndResumeGoesOn() {
        ExecutionId id = start(ExecutionType.DRILL, false, threeTiers());
        bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id));
        control(id.value(), "pause", "{\"reason\":\"network team is rerouting\"}")
                .statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("pausedBy", equalTo("bob"));
        assertThat(bus.awaitEvent(ExecutionPaused.class, e -> e.executionId().equals(id))
                        .reason())
                .isEqualTo("network team is rerouting");
        adapter.answer(id); // the db wave's jobs finish while paused
        await().untilAsserted(
                        () -> given().get("/executions/" + id).then().body("waves[0].counts.launched", equalTo(3)));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> adapter.launches(id).size() == 1);
        control(id.value(), "pause", "{\"reason\":\"again\"}").statusCode(409).body("state", equalTo("PAUSED"));

        control(id.value(), "resume", "{}").statusCode(200).body("status", equalTo("RUNNING"));
        assertThat(bus.awaitEvent(ExecutionResumed.class, e -> e.executionId().equals(id))
                        .resumedBy())
                .isEqualTo("bob");
        adapter.runUntil(id, ExecutionCompleted.class);
        assertThat(adapter.launches(id)).hasSize(3);
    }

    @Test
    void cancelStopsFurtherWavesRecordsJobsInFlightAndStillCleansUpTheDrill() {
        ExecutionId id = start(ExecutionType.DRILL, false, threeTiers());
        bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id));
        control(id.value(), "cancel", "{}").statusCode(400).body("errors[0].field", equalTo("reason"));
        control(id.value(), "cancel", "{\"reason\":\"drill window closed\"}")
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("endedBy", equalTo("bob"));
        ExecutionCancelled cancelled =
                bus.awaitEvent(ExecutionCancelled.class, e -> e.executionId().equals(id));
        assertThat(cancelled.cancelledBy()).isEqualTo("bob");
        assertThat(cancelled.reason()).isEqualTo("drill window closed");

        adapter.answer(id); // the jobs in flight finish and are recorded
        await().untilAsserted(() -> given().get("/executions/" + id)
                .then()
                .body("waves[0].counts.launched", equalTo(3))
                .body("waves[0].status", equalTo("CANCELLED")));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> adapter.launches(id).size() == 1);
        control(id.value(), "cancel", "{\"reason\":\"again\"}")
                .statusCode(409)
                .body("state", equalTo("CANCELLED"))
                .body("detail", containsString("is CANCELLED"));

        control(id.value(), "cleanup", "{}").statusCode(200).body("cleanup.status", equalTo("REQUESTED"));
        DrillCleanupRequested cleanup = adapter.runUntil(id, DrillCleanupRequested.class);
        assertThat(cleanup.reason()).isEqualTo(CleanupReason.MANUAL);
        assertThat(cleanup.requestedBy()).isEqualTo("bob");
        assertThat(cleanup.instances()).hasSize(3);
    }

    @Test
    void retryRelaunchesOnlyTheServersThatFailedAndTheExecutionGoesOn() {
        List<WaveSnapshot> waves = map(threeTiers(), "app", w -> Fixtures.with(w, FailurePolicy.PAUSE));
        ServerSnapshot failing = waves.get(1).servers().get(2);
        adapter.script.failing(failing.sourceServerId());
        ExecutionId id = start(ExecutionType.DRILL, false, waves);

        ExecutionPaused paused = adapter.runUntil(id, ExecutionPaused.class);
        assertThat(paused.pausedBy()).isEqualTo("failure-policy:PAUSE");
        assertThat(paused.wave().waveId().value()).isEqualTo("app");
        control(id.value(), "waves/web/retry", "{}").statusCode(409).body("state", equalTo("WAITING"));

        adapter.script.healed();
        control(id.value(), "waves/app/retry", "{\"reason\":\"capacity added\"}")
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("waves[1].attempt", equalTo(2));
        WaveStarted retried =
                bus.awaitEvent(WaveStarted.class, w -> w.executionId().equals(id) && w.attempt() == 2);
        assertThat(retried.serverCount()).isEqualTo(1);
        adapter.runUntil(id, ExecutionCompleted.class);
        WaveLaunchRequested relaunch =
                bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id) && l.attempt() == 2);
        assertThat(relaunch.servers()).containsExactly(failing);
        given().get("/executions/" + id)
                .then()
                .body("waves[1].status", equalTo("COMPLETED"))
                .body("waves[1].counts.launched", equalTo(3))
                .body(
                        "waves[1].servers.find { it.sourceServerId == '" + failing.sourceServerId() + "' }.attempt",
                        equalTo(2));
    }

    @Test
    void skipPassesAFailedWaveAndItsDependentsRun() {
        List<WaveSnapshot> waves = map(threeTiers(), "app", w -> Fixtures.with(w, FailurePolicy.PAUSE));
        adapter.script.failing(waves.get(1).servers().get(0).sourceServerId());
        ExecutionId id = start(ExecutionType.DRILL, false, waves);
        adapter.runUntil(id, ExecutionPaused.class);
        control(id.value(), "waves/app/skip", "{}").statusCode(400).body("errors[0].field", equalTo("reason"));
        control(id.value(), "waves/app/skip", "{\"reason\":\"app tier is checked by hand\",\"extra\":1}")
                .statusCode(400)
                .body("errors[0].field", equalTo("extra"));
        control(id.value(), "waves/nope/skip", "{\"reason\":\"x\"}")
                .statusCode(409)
                .body("detail", containsString("has no wave nope"));
        control(id.value(), "waves/app/skip", "{\"reason\":\"app tier is checked by hand\"}")
                .statusCode(200)
                .body("waves[1].status", equalTo("SKIPPED"));
        ExecutionCompleted done = adapter.runUntil(id, ExecutionCompleted.class);
        assertThat(done.wavesSkipped()).isEqualTo(1);
        assertThat(done.wavesCompleted()).isEqualTo(2);
        given().get("/executions/" + id + "/timeline?limit=1000")
                .then()
                .body("items.findAll { it.kind == 'CONTROL' }.type", hasItem("SKIP"));
    }

    @Test
    void aWaveThatDoesNotFinishInTimeFails() {
        ExecutionId id = start(ExecutionType.RECOVERY, false, map(threeTiers(), "db", w -> Fixtures.withTimeout(w, 5)));
        bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id)); // never answered
        double timeoutsBefore = waveTimeouts();
        clock.advance(Duration.ofMinutes(6));
        ExecutionFailed failed =
                bus.awaitEvent(ExecutionFailed.class, e -> e.executionId().equals(id));
        assertThat(failed.reason()).contains("timed out").contains("5 minute(s)");
        assertThat(bus.awaitEvent(WaveFailed.class, e -> e.executionId().equals(id))
                        .reason())
                .contains("LAUNCH");
        // Counted once the timed-out wave's change committed (other tests' executions may time out meanwhile too).
        await().untilAsserted(() -> assertThat(waveTimeouts()).isGreaterThanOrEqualTo(timeoutsBefore + 1));
    }

    @Test
    void unknownAndMalformedExecutionsAreNotFound() {
        given().get("/executions/" + ExecutionId.random())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("may still be on its way"));
        given().get("/executions/not-an-id").then().statusCode(404);
        control(ExecutionId.random().value(), "pause", "{\"reason\":\"x\"}").statusCode(404);
        control(ExecutionId.random().value(), "cleanup", "{\"reason\":\"x\"}").statusCode(404);
        String tooLong = "y".repeat(1001);
        control(ExecutionId.random().value(), "cancel", "{\"reason\":\"" + tooLong + "\"}")
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        assertThat(bus.all(ExecutionStarted.class, e -> true)).isEmpty();
        given().get("/executions?status=NOPE&type=x&from=yesterday&limit=0")
                .then()
                .statusCode(400)
                .body("errors", hasSize(4))
                .body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("from"));
    }
}
