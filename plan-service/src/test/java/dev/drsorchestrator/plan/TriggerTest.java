package dev.drsorchestrator.plan;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static dev.drsorchestrator.plan.PlanApiTest.post;
import static dev.drsorchestrator.plan.PlanApiTest.wave;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schedules fired through devstack's Scheduler, alarms through its CloudWatch admin call. */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class TriggerTest extends DevstackTest {

    @ConfigProperty(name = "devstack.endpoint")
    String devstack;

    String planId;

    @BeforeEach
    void setUp() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        planId = post(json("name", "trig-" + UUID.randomUUID(), "waves", List.of(wave("a", null, g))))
                .path("id");
    }

    @Test
    void aScheduleFiredTwiceOverTheBusStartsOneDrill() throws Exception {
        given().contentType(ContentType.JSON)
                .body(json("expression", "cron(0 2 ? * SUN *)", "timezone", "Europe/Berlin", "comment", "weekly"))
                .put("/recovery-plans/" + planId + "/drill-schedule")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("scheduleName", equalTo("drill-" + planId))
                .body("enabled", equalTo(true));

        given().baseUri(devstack)
                .post("/_devstack/scheduler/schedules/drs-orchestrator/drill-" + planId + "/fire")
                .then()
                .statusCode(200);

        ExecutionRequested drill =
                bus.awaitEvent(ExecutionRequested.class, e -> e.planId().value().equals(planId));
        assertThat(drill.executionType()).isEqualTo(ExecutionType.DRILL);
        assertThat(drill.trigger().type()).isEqualTo(TriggerType.SCHEDULE);
        assertThat(drill.trigger().reference()).isEqualTo("drill-" + planId);
        assertThat(drill.requestedBy()).isEqualTo("schedule:drill-" + planId);

        // EventBridge delivers at least once: the same firing arrives again (same scheduler execution id).
        JsonNode due = dueEvent();
        bus.putRaw(
                EventBus.BUS,
                due.get("source").asText(),
                due.get("detail-type").asText(),
                due.get("detail").toString());
        awaitInboxDrained();
        assertThat(bus.all(ExecutionRequested.class, e -> e.planId().value().equals(planId)))
                .hasSize(1);
        given().get("/recovery-plans/" + planId + "/activations")
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("SCHEDULE"))
                .body("items[0].outcome", equalTo("REQUESTED"))
                .body("items[0].executionId", equalTo(drill.executionId().value()));
    }

    @Test
    void aBadScheduleIsRefusedAndNoneIsCreated() {
        given().contentType(ContentType.JSON)
                .body(json("expression", "cron(0 2 * * SUN)", "timezone", "Europe/Berlin"))
                .put("/recovery-plans/" + planId + "/drill-schedule")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("expression"))
                .body("errors[0].reason", containsString("six"));
        given().contentType(ContentType.JSON)
                .body(json("expression", "rate(7 days)", "timezone", "Moon/Base"))
                .put("/recovery-plans/" + planId + "/drill-schedule")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timezone"));

        given().get("/recovery-plans/" + planId + "/drill-schedule").then().statusCode(404);
        given().baseUri(devstack)
                .post("/_devstack/scheduler/schedules/drs-orchestrator/drill-" + planId + "/fire")
                .then()
                .statusCode(404);
    }

    @Test
    void anAlarmEnteringAlarmRequestsOneRecoveryAndRepeatsWithinTheCooldownStartNothing() {
        String alarm = "shop-5xx-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(List.of(json("alarmName", alarm, "executionType", "RECOVERY", "cooldownMinutes", 30)))
                .put("/recovery-plans/" + planId + "/alarm-triggers")
                .then()
                .statusCode(200)
                .body("alarmTriggers[0].mode", equalTo("APPROVAL"))
                .body("version", equalTo(1));

        setAlarm(alarm, "ALARM", "5xx rate 7% > 5%");

        ExecutionRequested recovery =
                bus.awaitEvent(ExecutionRequested.class, e -> e.planId().value().equals(planId));
        assertThat(recovery.executionType()).isEqualTo(ExecutionType.RECOVERY);
        assertThat(recovery.requiredApprovals()).isEqualTo(1);
        assertThat(recovery.approvalReason())
                .isEqualTo("alarm binding '" + alarm + "' is in APPROVAL mode: the RECOVERY waits for 1 approval");
        assertThat(recovery.trigger().type()).isEqualTo(TriggerType.ALARM);
        assertThat(recovery.trigger().name()).isEqualTo(alarm);
        assertThat(recovery.trigger().reason()).isEqualTo("5xx rate 7% > 5%");
        assertThat(recovery.trigger().reference()).contains(":alarm:" + alarm);
        assertThat(recovery.trigger().firedAt()).isNotNull();

        setAlarm(alarm, "OK", "recovered");
        setAlarm(alarm, "INSUFFICIENT_DATA", "no data");
        setAlarm(alarm, "ALARM", "5xx rate 9% > 5%");
        awaitInboxDrained();

        assertThat(bus.all(ExecutionRequested.class, e -> e.planId().value().equals(planId)))
                .hasSize(1);
        Response activations = given().get("/recovery-plans/" + planId + "/activations");
        activations
                .then()
                .statusCode(200)
                .body("items.outcome", equalTo(List.of("SUPPRESSED", "REQUESTED")))
                .body("items[0].detail", containsString("30-minute cooldown"))
                .body("items[1].executionId", equalTo(recovery.executionId().value()));
        assertThat((String) activations.path("items[0].cooldownUntil")).isNotNull();
    }

    @Test
    void anAlarmInAutoModeRequestsARecoveryThatSaysItNeedsNoApprovalAndApprovalModeTakesThePlansValue() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        String strict = post(json(
                        "name",
                        "strict-" + UUID.randomUUID(),
                        "requiredApprovals",
                        json("RECOVERY", 3),
                        "waves",
                        List.of(wave("a", null, g))))
                .path("id");
        String auto = "auto-" + UUID.randomUUID();
        String approval = "approval-" + UUID.randomUUID();
        bind(planId, auto, "AUTO");
        bind(strict, approval, "APPROVAL");

        setAlarm(auto, "ALARM", "site down");
        setAlarm(approval, "ALARM", "site down");

        ExecutionRequested automatic =
                bus.awaitEvent(ExecutionRequested.class, e -> e.planId().value().equals(planId));
        assertThat(automatic.executionType()).isEqualTo(ExecutionType.RECOVERY);
        assertThat(automatic.requiredApprovals()).isZero();
        assertThat(automatic.approvalReason())
                .isEqualTo("alarm binding '" + auto + "' is in AUTO mode: the RECOVERY starts without approval");
        ExecutionRequested held =
                bus.awaitEvent(ExecutionRequested.class, e -> e.planId().value().equals(strict));
        assertThat(held.requiredApprovals()).isEqualTo(3);
        assertThat(held.approvalReason()).contains("APPROVAL mode", "3 approvals");
        given().get("/recovery-plans/" + planId + "/activations")
                .then()
                .body("items[0].detail", equalTo("RECOVERY requested without approval (AUTO mode)"));
    }

    private static void bind(String plan, String alarm, String mode) {
        given().contentType(ContentType.JSON)
                .body(List.of(json("alarmName", alarm, "executionType", "RECOVERY", "mode", mode)))
                .put("/recovery-plans/" + plan + "/alarm-triggers")
                .then()
                .statusCode(200)
                .body("alarmTriggers[0].mode", equalTo(mode));
    }

    @Test
    void anOkTransitionOrAnUnboundAlarmStartsNothing() {
        String bound = "bound-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(List.of(json("alarmName", bound, "executionType", "DRILL")))
                .put("/recovery-plans/" + planId + "/alarm-triggers")
                .then()
                .statusCode(200)
                .body("alarmTriggers[0].mode", equalTo("AUTO"))
                .body("alarmTriggers[0].cooldownMinutes", equalTo(60));

        setAlarm(bound, "OK", "fine");
        setAlarm(bound, "INSUFFICIENT_DATA", "no data");
        setAlarm(bound, "OK", "fine again");
        setAlarm("unbound-" + UUID.randomUUID(), "ALARM", "not ours");
        awaitInboxDrained();

        assertThat(bus.all(ExecutionRequested.class, e -> e.planId().value().equals(planId)))
                .isEmpty();
        given().get("/recovery-plans/" + planId + "/activations").then().body("items.size()", equalTo(0));
    }

    @Test
    void badAlarmBindingsAreRefused() {
        for (String type : List.of("FAILBACK", "REPROTECT")) {
            given().contentType(ContentType.JSON)
                    .body(List.of(json("alarmName", "a", "executionType", type)))
                    .put("/recovery-plans/" + planId + "/alarm-triggers")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("[0].executionType"))
                    .body("errors[0].reason", equalTo("an alarm can start RECOVERY or DRILL, not " + type));
        }
        given().contentType(ContentType.JSON)
                .body(List.of(
                        json("alarmName", "a", "executionType", "DRILL"),
                        json("alarmName", "A", "executionType", "RECOVERY")))
                .put("/recovery-plans/" + planId + "/alarm-triggers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("[1].alarmName"));
        given().contentType(ContentType.JSON)
                .body(List.of(json("executionType", "DRILL", "cooldownMinutes", -1)))
                .put("/recovery-plans/" + planId + "/alarm-triggers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/recovery-plans/" + planId + "/alarm-triggers")
                .then()
                .body("alarmTriggers.size()", equalTo(0))
                .body("version", equalTo(0));
    }

    private void setAlarm(String name, String state, String reason) {
        given().baseUri(devstack)
                .contentType(ContentType.JSON)
                .body(Map.of("state", state, "reason", reason))
                .put("/_devstack/cloudwatch/alarms/" + name + "/state")
                .then()
                .statusCode(200)
                .body("changed", equalTo(true));
    }

    private JsonNode dueEvent() throws Exception {
        JsonNode recent = EventCodec.mapper()
                .readTree(given().baseUri(devstack)
                        .get("/_devstack/events/recent")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        for (JsonNode event : recent) {
            if ("DrillScheduleDue".equals(event.path("detail-type").asText())
                    && planId.equals(
                            event.path("detail").path("data").path("planId").asText())) {
                return event;
            }
        }
        throw new AssertionError("no DrillScheduleDue for " + planId + " among the recent events");
    }

    private void awaitInboxDrained() {
        catalog.awaitInboxDrained();
    }
}
