package dev.drsorchestrator.plan;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static dev.drsorchestrator.plan.PlanApiTest.post;
import static dev.drsorchestrator.plan.PlanApiTest.wave;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a REPROTECT or FAILBACK puts on the bus (the return order, the plan's failback options), and a recovery point
 * on a DRILL or RECOVERY: carried when it is right, refused naming every field when not, with nothing started.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ReturnAndRecoveryPointTest extends DevstackTest {

    static final String PIT = "pit-0123456789abcdefg";

    String name;
    List<SourceServerId> dbServers;
    List<SourceServerId> appServers;
    SourceServerId webServer;
    List<Map<String, Object>> waves;

    @BeforeEach
    void setUp() {
        name = "return-" + UUID.randomUUID();
        dbServers = CatalogFeed.servers(2);
        appServers = CatalogFeed.servers(1);
        webServer = CatalogFeed.server();
        ProtectionGroupId db = catalog.group("db", dbServers.toArray(SourceServerId[]::new));
        ProtectionGroupId app = catalog.group("app", appServers.toArray(SourceServerId[]::new));
        ProtectionGroupId web = catalog.group("web", webServer);
        waves = List.of(wave("db", List.of(), db), wave("app", List.of("db"), app), wave("web", List.of("db"), web));
    }

    static Response execute(String planId, Map<String, Object> body, String key) {
        var request = given().auth()
                .oauth2(Identities.token("rita", Roles.RECOVERY_OPERATOR))
                .contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(body).post("/recovery-plans/" + planId + "/executions");
    }

    ExecutionRequested published(Response accepted) {
        String executionId = accepted.then().statusCode(202).extract().path("executionId");
        return bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(executionId));
    }

    /** Each wave id and the ids it depends on, in the order the event lists them. */
    static Map<String, List<String>> graph(ExecutionRequested requested) {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (WaveSnapshot w : requested.waves()) {
            graph.put(
                    w.waveId().value(),
                    w.dependsOn().stream().map(WaveId::value).toList());
        }
        return graph;
    }

    /** No execution was stored or published for the plan. */
    void nothingStarted(String planId) {
        given().get("/recovery-plans/" + planId).then().statusCode(200).body("lastExecution", nullValue());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> bus.all(
                                ExecutionRequested.class,
                                e -> e.planId().value().equals(planId))
                        .isEmpty());
    }

    @Test
    void aFailbackRunsTheDependenciesReversedAndCarriesThePlansFailbackOptions() {
        String planId = post(json(
                        "name",
                        name,
                        "failback",
                        json("restoreDirection", false),
                        "requiredApprovals",
                        json("FAILBACK", 2),
                        "waves",
                        waves))
                .path("id");

        ExecutionRequested failback = published(execute(planId, json("type", "FAILBACK"), null));

        assertThat(failback.executionType()).isEqualTo(ExecutionType.FAILBACK);
        assertThat(graph(failback))
                .containsExactly(
                        Map.entry("web", List.of()),
                        Map.entry("app", List.of()),
                        Map.entry("db", List.of("app", "web")));
        assertThat(failback.failback()).isEqualTo(new FailbackOptions(false, true));
        assertThat(failback.recoveryPoint()).isNull();
        assertThat(failback.requiredApprovals()).isEqualTo(2);
        assertThat(failback.waves().get(2).servers())
                .extracting(s -> s.sourceServerId())
                .containsExactlyElementsOf(dbServers);
    }

    @Test
    void aReprotectWithAWaveOrderRunsAChainInThatOrderWithoutApprovalByDefault() {
        String planId = post(json(
                        "name", name, "failback", json("waveOrder", List.of("app", "web", "db")), "waves", waves))
                .path("id");

        ExecutionRequested reprotect = published(execute(planId, json("type", "REPROTECT"), null));

        assertThat(reprotect.executionType()).isEqualTo(ExecutionType.REPROTECT);
        assertThat(graph(reprotect))
                .containsExactly(
                        Map.entry("app", List.of()), Map.entry("web", List.of("app")), Map.entry("db", List.of("web")));
        assertThat(reprotect.failback()).isNull();
        assertThat(reprotect.requiredApprovals()).isZero();
        assertThat(reprotect.approvalReason()).isEqualTo("the plan requires no approval for a REPROTECT");
        given().get("/recovery-plans/" + planId)
                .then()
                .body("lastExecution.type", org.hamcrest.Matchers.equalTo("REPROTECT"));
    }

    @Test
    void aRecoveryKeepsThePlansGraphAndCarriesTheSnapshotsAsked() {
        String planId = post(json(
                        "name", name, "failback", json("waveOrder", List.of("app", "web", "db")), "waves", waves))
                .path("id");
        List<Map<String, Object>> snapshots = List.of(
                json("sourceServerId", dbServers.get(1).value(), "snapshotId", PIT),
                json("sourceServerId", webServer.value(), "snapshotId", "pit-ABCDEFGHIJ0123456"));

        ExecutionRequested recovery = published(
                execute(planId, json("type", "RECOVERY", "recoveryPoint", json("snapshots", snapshots)), null));

        assertThat(graph(recovery))
                .containsExactly(
                        Map.entry("db", List.of()), Map.entry("app", List.of("db")), Map.entry("web", List.of("db")));
        assertThat(recovery.recoveryPoint().latestBefore()).isNull();
        assertThat(recovery.recoveryPoint().snapshots())
                .containsExactly(
                        new RecoveryPoint.ServerSnapshotChoice(dbServers.get(1), PIT),
                        new RecoveryPoint.ServerSnapshotChoice(webServer, "pit-ABCDEFGHIJ0123456"));
        assertThat(recovery.failback()).isNull();
    }

    @Test
    void aDrillFromALatestBeforeTimeIsRetriedIdempotentlyAndStartsOnce() {
        String planId = post(json("name", name, "waves", waves)).path("id");
        Instant before = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = json("type", "DRILL", "recoveryPoint", json("latestBefore", before.toString()));
        String key = UUID.randomUUID().toString();

        Response first = execute(planId, body, key);
        Response retried = execute(planId, body, key);

        retried.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat((String) retried.path("executionId")).isEqualTo(first.path("executionId"));
        ExecutionRequested drill = published(first);
        assertThat(drill.recoveryPoint()).isEqualTo(new RecoveryPoint(before, List.of()));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> bus.all(
                                        ExecutionRequested.class,
                                        e -> e.planId().value().equals(planId))
                                .size()
                        == 1);
        assertThat(published(execute(planId, json("type", "DRILL"), null)).recoveryPoint())
                .isNull();
    }

    @Test
    void aBadRecoveryPointIsRefusedNamingEveryFieldAndNothingIsStarted() {
        String planId = post(json("name", name, "waves", waves)).path("id");
        SourceServerId stranger = CatalogFeed.server();
        List<Map<String, Object>> snapshots = List.of(
                json("sourceServerId", dbServers.get(0).value(), "snapshotId", PIT),
                json("sourceServerId", dbServers.get(0).value(), "snapshotId", PIT),
                json("sourceServerId", appServers.get(0).value(), "snapshotId", "snap-1"),
                json("sourceServerId", stranger.value(), "snapshotId", PIT));

        Response refused = execute(
                planId,
                json(
                        "type",
                        "RECOVERY",
                        "recoveryPoint",
                        json(
                                "latestBefore",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                "snapshots",
                                snapshots)),
                null);

        refused.then().statusCode(400).contentType("application/problem+json");
        Map<String, String> errors = refused.jsonPath().getList("errors", Map.class).stream()
                .collect(Collectors.toMap(e -> (String) e.get("field"), e -> (String) e.get("reason")));
        assertThat(errors)
                .containsOnlyKeys(
                        "recoveryPoint",
                        "recoveryPoint.latestBefore",
                        "recoveryPoint.snapshots[1].sourceServerId",
                        "recoveryPoint.snapshots[2].snapshotId",
                        "recoveryPoint.snapshots[3].sourceServerId");
        assertThat(errors.get("recoveryPoint")).contains("not both");
        assertThat(errors.get("recoveryPoint.latestBefore")).contains("is in the future");
        assertThat(errors.get("recoveryPoint.snapshots[1].sourceServerId"))
                .contains("already listed at recoveryPoint.snapshots[0]");
        assertThat(errors.get("recoveryPoint.snapshots[2].snapshotId"))
                .startsWith("'snap-1' is not a DRS recovery snapshot id");
        assertThat(errors.get("recoveryPoint.snapshots[3].sourceServerId"))
                .isEqualTo("'" + stranger + "' is not in the plan's waves (the members of its protection groups now)");

        execute(planId, json("type", "DRILL", "recoveryPoint", json("latestBefore", "yesterday")), null)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("recoveryPoint.latestBefore"));
        nothingStarted(planId);
    }

    @Test
    void aRecoveryPointOnAReprotectOrFailbackIsRefusedAndNothingIsStarted() {
        String planId = post(json("name", name, "waves", waves)).path("id");

        for (String type : List.of("REPROTECT", "FAILBACK")) {
            execute(
                            planId,
                            json(
                                    "type",
                                    type,
                                    "recoveryPoint",
                                    json(
                                            "latestBefore",
                                            Instant.now().minusSeconds(60).toString())),
                            null)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.contains("recoveryPoint"))
                    .body(
                            "errors[0].reason",
                            org.hamcrest.Matchers.startsWith(
                                    "a " + type + " acts on recovery instances, not snapshots"));
        }
        nothingStarted(planId);
    }
}
