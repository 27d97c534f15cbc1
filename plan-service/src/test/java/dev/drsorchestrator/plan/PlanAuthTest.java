package dev.drsorchestrator.plan;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static dev.drsorchestrator.plan.PlanApiTest.wave;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanCreated;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import dev.drsorchestrator.kit.testing.ServiceAuthTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class PlanAuthTest extends ServiceAuthTest {

    private static final String PROBE = "auth-probe-";

    /** The group the probe plan would use: known to plan-service's read model, so the probe is a valid create. */
    private static ProtectionGroupId probeGroup;

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    @Inject
    DynamoDbClient dynamo;

    EventBus bus;
    CatalogFeed catalog;

    PlanAuthTest() {
        super("plan-service");
    }

    @BeforeEach
    void watchTheBus() {
        bus = new EventBus(eventBridge, sqs, "watch-auth-" + UUID.randomUUID(), EventSource.PLAN_SERVICE);
        catalog = new CatalogFeed(bus, dynamo, sqs);
        if (probeGroup == null) {
            probeGroup = catalog.group("auth-probe", CatalogFeed.server());
        }
    }

    @Override
    protected Change change() {
        return new Change(
                "POST",
                "/recovery-plans",
                "{\"name\":\"" + PROBE + "plan\",\"waves\":[{\"id\":\"a\",\"name\":\"a\",\"protectionGroupIds\":[\""
                        + probeGroup.value() + "\"]}]}");
    }

    @Override
    protected Object state() {
        return given().queryParam("namePrefix", PROBE)
                .get("/recovery-plans")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    /** A plan of one wave of one server, created by the test's admin. */
    private String plan() {
        ProtectionGroupId group = catalog.group("g", CatalogFeed.server());
        return given().contentType(ContentType.JSON)
                .body(json("name", "auth-" + UUID.randomUUID(), "waves", List.of(wave("a", null, group))))
                .post("/recovery-plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response execute(String token, String planId, String type) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json("type", type))
                .post("/recovery-plans/" + planId + "/executions");
    }

    /** Nothing was stored for the plan (no last execution) and nothing published for it. */
    private void nothingRequested(String planId) {
        given().get("/recovery-plans/" + planId).then().statusCode(200).body("lastExecution", nullValue());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> bus.all(
                                ExecutionRequested.class,
                                e -> e.planId().value().equals(planId))
                        .isEmpty());
    }

    @Test
    void aDrillOperatorStartsADrillButARecoveryReprotectOrFailbackIsRefusedNamingRecoveryOperator() {
        String planId = plan();
        String dora = Identities.token("dora", Roles.DRILL_OPERATOR);

        for (String type : List.of("RECOVERY", "REPROTECT", "FAILBACK")) {
            execute(dora, planId, type)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("requiredRole", equalTo(Roles.RECOVERY_OPERATOR))
                    .body("detail", containsString("Starting a " + type))
                    .body("detail", containsString("recovery-operator"));
        }
        nothingRequested(planId);

        String executionId =
                execute(dora, planId, "DRILL").then().statusCode(202).extract().path("executionId");
        ExecutionRequested drill = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        assertThat(drill.executionType()).isEqualTo(ExecutionType.DRILL);
        assertThat(drill.requestedBy()).isEqualTo("dora");
        assertThat(bus.all(ExecutionRequested.class, e -> e.planId().value().equals(planId)))
                .extracting(ExecutionRequested::executionType)
                .containsExactly(ExecutionType.DRILL);
    }

    @Test
    void aRecoveryOperatorStartsARecovery() {
        String planId = plan();

        String executionId = execute(Identities.token("rita", Roles.RECOVERY_OPERATOR), planId, "RECOVERY")
                .then()
                .statusCode(202)
                .body("type", equalTo("RECOVERY"))
                .extract()
                .path("executionId");

        ExecutionRequested recovery = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        assertThat(recovery.executionType()).isEqualTo(ExecutionType.RECOVERY);
        assertThat(recovery.requestedBy()).isEqualTo("rita");
        given().get("/recovery-plans/" + planId)
                .then()
                .body("lastExecution.executionId", equalTo(executionId))
                .body("lastExecution.type", equalTo("RECOVERY"));
    }

    @Test
    void aRecoveryOperatorStartsAReprotect() {
        String planId = plan();

        String executionId = execute(Identities.token("rita", Roles.RECOVERY_OPERATOR), planId, "REPROTECT")
                .then()
                .statusCode(202)
                .body("type", equalTo("REPROTECT"))
                .extract()
                .path("executionId");

        ExecutionRequested reprotect = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        assertThat(reprotect.executionType()).isEqualTo(ExecutionType.REPROTECT);
        assertThat(reprotect.requestedBy()).isEqualTo("rita");
    }

    @Test
    void aViewerCannotStartAnythingNorChangeAPlan() {
        String planId = plan();
        String vera = Identities.token("vera", Roles.VIEWER);

        for (String type : List.of("DRILL", "RECOVERY", "REPROTECT", "FAILBACK")) {
            execute(vera, planId, type)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("requiredRole", equalTo(Roles.DRILL_OPERATOR));
        }
        given().auth()
                .oauth2(vera)
                .contentType(ContentType.JSON)
                .body(json("expression", "rate(7 days)"))
                .put("/recovery-plans/" + planId + "/drill-schedule")
                .then()
                .statusCode(403)
                .body("requiredRole", equalTo(Roles.PLANNER));
        given().auth().oauth2(vera).get("/recovery-plans/" + planId).then().statusCode(200);
        nothingRequested(planId);
        given().get("/recovery-plans/" + planId + "/drill-schedule").then().statusCode(404);
    }

    @Test
    void theRequesterIsTheTokensIdentityNotTheXActorHeader() {
        String planId = plan();

        String executionId = given().auth()
                .oauth2(Identities.token("carol", Roles.DRILL_OPERATOR))
                .header("X-Actor", "mallory")
                .contentType(ContentType.JSON)
                .body(json("type", "DRILL"))
                .post("/recovery-plans/" + planId + "/executions")
                .then()
                .statusCode(202)
                .extract()
                .path("executionId");

        ExecutionRequested requested = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        EventMetadata metadata = bus.awaitMetadata(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        assertThat(requested.requestedBy()).isEqualTo("carol");
        assertThat(metadata.actor()).isEqualTo("carol");
        assertThat(metadata.actorId()).isEqualTo(Identities.subjectOf("carol"));
    }

    @Test
    void aPipelineWithADrillOperatorScopeStartsTheNightlyDrillAsItsClientButNoRecovery() {
        String planId = plan();
        String pipeline = Identities.pool()
                .clientCredentialsToken(Identities.AUTOMATION_CLIENT, List.of("drs/" + Roles.DRILL_OPERATOR));

        given().auth()
                .oauth2(pipeline)
                .contentType(ContentType.JSON)
                .body(json("type", "RECOVERY"))
                .post("/recovery-plans/" + planId + "/executions")
                .then()
                .statusCode(403)
                .body("requiredRole", equalTo(Roles.RECOVERY_OPERATOR));
        String executionId = given().auth()
                .oauth2(pipeline)
                .contentType(ContentType.JSON)
                .body(json("type", "DRILL", "comment", "nightly drill from CI"))
                .post("/recovery-plans/" + planId + "/executions")
                .then()
                .statusCode(202)
                .extract()
                .path("executionId");

        EventMetadata metadata = bus.awaitMetadata(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        assertThat(metadata.actor()).isEqualTo("client:" + Identities.AUTOMATION_CLIENT);
        assertThat(metadata.actorId()).isEqualTo(Identities.AUTOMATION_CLIENT);
    }

    @Test
    void planChangesRecordTheTokensIdentityNotTheXActorHeader() {
        ProtectionGroupId group = catalog.group("g", CatalogFeed.server());
        String paula = Identities.token("paula", Roles.PLANNER);

        String planId = given().auth()
                .oauth2(paula)
                .header("X-Actor", "mallory")
                .contentType(ContentType.JSON)
                .body(json("name", "auth-" + UUID.randomUUID(), "waves", List.of(wave("a", null, group))))
                .post("/recovery-plans")
                .then()
                .statusCode(201)
                .body("createdBy", equalTo("paula"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(paula)
                .header("X-Actor", "mallory")
                .contentType(ContentType.JSON)
                .body(json("expression", "rate(7 days)"))
                .put("/recovery-plans/" + planId + "/drill-schedule")
                .then()
                .statusCode(200)
                .body("updatedBy", equalTo("paula"));

        EventMetadata created = bus.awaitMetadata(
                RecoveryPlanCreated.class, e -> e.planId().value().equals(planId));
        assertThat(created.actor()).isEqualTo("paula");
        assertThat(created.actorId()).isEqualTo(Identities.subjectOf("paula"));
    }
}
