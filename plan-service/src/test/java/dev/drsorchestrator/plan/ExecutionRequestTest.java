package dev.drsorchestrator.plan;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static dev.drsorchestrator.plan.PlanApiTest.post;
import static dev.drsorchestrator.plan.PlanApiTest.wave;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ExecutionRequestTest extends DevstackTest {

    /** Who requests executions here: may start any type. */
    static final String OPERATOR = "bob";

    String name;

    @BeforeEach
    void setUp() {
        name = "exec-" + UUID.randomUUID();
    }

    static Response execute(String planId, String type, String key) {
        var request = given().auth()
                .oauth2(Identities.token(OPERATOR, Roles.RECOVERY_OPERATOR))
                .contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(json("type", type, "comment", "quarterly drill"))
                .post("/recovery-plans/" + planId + "/executions");
    }

    @Test
    void aRequestEmitsExecutionRequestedWhoseServersAreTheGroupsMembersNow() {
        List<SourceServerId> dbServers = CatalogFeed.servers(2);
        List<SourceServerId> webServers = CatalogFeed.servers(3);
        ProtectionGroupId db = catalog.group("db", dbServers.get(0));
        catalog.update(db, "db", 2, dbServers.toArray(SourceServerId[]::new));
        ProtectionGroupId web = catalog.group("web", webServers.toArray(SourceServerId[]::new));
        catalog.replicating(5, dbServers.get(0));
        Map<String, Object> webWave = wave("web", List.of("db"), web);
        webWave.put("criticality", Map.of(webServers.get(2).value(), "OPTIONAL"));
        String planId = post(json(
                        "name", name, "rtoSeconds", 1800, "waves", List.of(wave("db", List.of(), db), webWave)))
                .path("id");

        Response accepted = execute(planId, "DRILL", null);

        accepted.then().statusCode(202).body("status", equalTo("REQUESTED")).body("planVersion", equalTo(1));
        String executionId = accepted.path("executionId");
        assertThat(accepted.header("Location")).isEqualTo("/executions/" + executionId);
        ExecutionRequested requested = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        assertThat(requested.planId()).isEqualTo(PlanId.of(planId));
        assertThat(requested.executionType()).isEqualTo(ExecutionType.DRILL);
        assertThat(requested.trigger().type()).isEqualTo(TriggerType.USER);
        assertThat(requested.requestedBy()).isEqualTo(OPERATOR);
        assertThat(requested.requiredApprovals()).isZero();
        assertThat(requested.approvalReason()).isEqualTo("the plan requires no approval for a DRILL");
        assertThat(requested.rtoSeconds()).isEqualTo(1800);
        assertThat(requested.waves().get(0).servers())
                .extracting(ServerSnapshot::sourceServerId)
                .containsExactlyElementsOf(dbServers);
        assertThat(requested.waves().get(0).servers().get(0).hostname()).startsWith("host-");
        assertThat(requested.waves().get(1).servers())
                .extracting(ServerSnapshot::sourceServerId, ServerSnapshot::criticality)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(webServers.get(0), Criticality.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(webServers.get(1), Criticality.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(webServers.get(2), Criticality.OPTIONAL));
        assertThat(requested.waves().get(1).dependsOn())
                .extracting(Object::toString)
                .containsExactly("db");
        assertThat(requested.waves())
                .allSatisfy(w -> assertThat(w.servers())
                        .allSatisfy(s -> assertThat(s.accountId().value()).isEqualTo(CatalogFeed.ACCOUNT)));

        given().get("/recovery-plans/" + planId)
                .then()
                .body("lastExecution.executionId", equalTo(executionId))
                .body("lastExecution.status", equalTo("REQUESTED"));
    }

    @Test
    void aLateOrRepeatedGroupEventDoesNotRollTheReadModelBack() {
        SourceServerId kept = CatalogFeed.server();
        SourceServerId dropped = CatalogFeed.server();
        ProtectionGroupId g = catalog.group("g", kept, dropped);
        catalog.update(g, "g", 3, kept);
        String planId =
                post(json("name", name, "waves", List.of(wave("a", null, g)))).path("id");

        // The version-2 update arrives after version 3 (and twice): the read model stays at version 3.
        catalog.replay(g, "g", 2, kept, dropped);
        catalog.replay(g, "g", 2, kept, dropped);
        String executionId = execute(planId, "DRILL", null).path("executionId");

        ExecutionRequested requested = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
        assertThat(requested.waves().get(0).servers())
                .extracting(ServerSnapshot::sourceServerId)
                .containsExactly(kept);
    }

    @Test
    void theLastExecutionFollowsExecutionEventsAndIgnoresLateOnes() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        String planId =
                post(json("name", name, "waves", List.of(wave("a", null, g)))).path("id");
        String executionId = execute(planId, "RECOVERY", null).path("executionId");
        ExecutionRef ref = new ExecutionRef(
                ExecutionId.of(executionId),
                PlanId.of(planId),
                name,
                ExecutionType.RECOVERY,
                TriggerType.USER,
                null,
                Instant.now(),
                null);

        given().delete("/recovery-plans/" + planId)
                .then()
                .statusCode(409)
                .body("type", containsString("execution-active"))
                .body("executionId", equalTo(executionId));
        bus.put(
                new ExecutionCompleted(ref, Instant.now(), Instant.now(), 1, 0, 0, new ServerCounts(1, 1, 0, 0, 0)),
                executionId);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/recovery-plans/" + planId)
                        .then()
                        .body("lastExecution.status", equalTo("COMPLETED")));
        bus.put(new ExecutionStarted(ref, 1, 1, "bob"), executionId);

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().get("/recovery-plans/" + planId)
                        .then()
                        .body("lastExecution.status", equalTo("COMPLETED")));
        given().delete("/recovery-plans/" + planId).then().statusCode(204);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyStartsNothingNew() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        String planId =
                post(json("name", name, "waves", List.of(wave("a", null, g)))).path("id");
        String key = UUID.randomUUID().toString();

        Response first = execute(planId, "DRILL", key);
        Response second = execute(planId, "DRILL", key);

        first.then().statusCode(202).header("Idempotent-Replayed", "false");
        second.then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("executionId", equalTo(first.path("executionId")));
        bus.awaitEvent(ExecutionRequested.class, e -> e.planId().value().equals(planId));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> bus.all(
                                        ExecutionRequested.class,
                                        e -> e.planId().value().equals(planId))
                                .size()
                        == 1);
    }

    @Test
    void preflightNamesServersNotReadyAndAPlanWhoseGroupIsGoneCannotRun() {
        SourceServerId ready = CatalogFeed.server();
        SourceServerId lagging = CatalogFeed.server();
        ProtectionGroupId g = catalog.group("g", ready, lagging);
        ProtectionGroupId other = catalog.group("other", CatalogFeed.server());
        catalog.replicating(10, ready);
        catalog.replicating(900, lagging);
        String planId = post(json(
                        "name",
                        name,
                        "rpoSeconds",
                        300,
                        "waves",
                        List.of(wave("a", List.of(), g), wave("b", List.of("a"), other))))
                .path("id");

        given().get("/recovery-plans/" + planId + "/preflight")
                .then()
                .statusCode(200)
                .body("canRun", equalTo(false))
                .body("waves[0].readyCount", equalTo(1))
                .body("waves[0].jobs", equalTo(1))
                .body("waves[0].notReady[0].sourceServerId", equalTo(lagging.value()))
                .body("waves[0].notReady[0].reason", equalTo("LAG_ABOVE_RPO"))
                .body("waves[1].notReady[0].reason", equalTo("NOT_FOUND"));

        catalog.delete(other, "other", 1);
        execute(planId, "DRILL", null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("plan-cannot-run"))
                .body("detail", containsString("'other' was deleted"));
        execute(planId, "SIDEWAYS", null).then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(json("comment", "x"))
                .post("/recovery-plans/" + planId + "/executions")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("type"));
    }
}
