package dev.drsorchestrator.plan;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanCreated;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanDeleted;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanUpdated;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class PlanApiTest extends DevstackTest {

    /** The planner plans are created as: the actor recorded is this token's identity. */
    static final String PLANNER = "alice";

    String prefix;

    @BeforeEach
    void setUp() {
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // The user exists before any test sends its token (concurrently, in the race test).
        Identities.token(PLANNER, Roles.PLANNER);
    }

    static Map<String, Object> wave(String id, List<String> dependsOn, ProtectionGroupId group) {
        Map<String, Object> wave = json("id", id, "name", id + " tier", "protectionGroupIds", List.of(group.value()));
        if (dependsOn != null) {
            wave.put("dependsOn", dependsOn);
        }
        return wave;
    }

    static Response post(Map<String, Object> plan) {
        return given().auth()
                .oauth2(Identities.token(PLANNER, Roles.PLANNER))
                .contentType(ContentType.JSON)
                .body(plan)
                .post("/recovery-plans");
    }

    @Test
    void aDagOfFourWavesIsStoredAndReturnedAsGiven() {
        ProtectionGroupId db = catalog.group("db", CatalogFeed.server());
        ProtectionGroupId app = catalog.group("app", CatalogFeed.server());
        ProtectionGroupId batch = catalog.group("batch", CatalogFeed.server());
        ProtectionGroupId web = catalog.group("web", CatalogFeed.server());
        Map<String, Object> webWave = wave("web", List.of("app", "batch"), web);
        webWave.put("failurePolicy", "CONTINUE");
        webWave.put("waitAfterSeconds", 120);
        webWave.put(
                "postActions",
                List.of(
                        json("type", "HTTP_CHECK", "url", "https://shop.example.com/health", "timeoutSeconds", 300),
                        json(
                                "type",
                                "LAMBDA",
                                "actionId",
                                "warm",
                                "functionArn",
                                "arn:aws:lambda:us-east-1:111122223333:function:warm-cache",
                                "payload",
                                json("depth", 2))));
        Map<String, Object> body = json(
                "name",
                prefix + "shop",
                "rtoSeconds",
                3600,
                "rpoSeconds",
                300,
                "waves",
                List.of(
                        wave("db", List.of(), db),
                        wave("app", List.of("db"), app),
                        wave("batch", List.of("db"), batch),
                        webWave));

        Response created = post(body);

        created.then().statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/recovery-plans/" + id);
        given().get("/recovery-plans/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(prefix + "shop"))
                .body("waves.id", contains("db", "app", "batch", "web"))
                .body("waves[0].dependsOn", equalTo(List.of()))
                .body("waves[3].dependsOn", contains("app", "batch"))
                .body("waves[3].runsAfter", contains("app", "batch"))
                .body("waves[3].failurePolicy", equalTo("CONTINUE"))
                .body("waves[3].waitAfterSeconds", equalTo(120))
                .body("waves[3].postActions[0].type", equalTo("HTTP_CHECK"))
                .body("waves[3].postActions[0].actionId", equalTo("post-1"))
                .body("waves[3].postActions[0].intervalSeconds", equalTo(10))
                .body("waves[3].postActions[1].actionId", equalTo("warm"))
                .body("waves[3].postActions[1].payload.depth", equalTo(2))
                .body("drillTtlMinutes", equalTo(120))
                .body("autoCleanup", equalTo(true))
                .body("createdBy", equalTo(PLANNER))
                .body("lastExecution", nullValue());
        RecoveryPlanCreated event = bus.awaitEvent(
                RecoveryPlanCreated.class, e -> e.planId().value().equals(id));
        assertThat(event.protectionGroupIds()).containsExactly(db, app, batch, web);
        assertThat(event.waveCount()).isEqualTo(4);
        EventMetadata metadata = bus.awaitMetadata(
                RecoveryPlanCreated.class, e -> e.planId().value().equals(id));
        assertThat(metadata.actor()).isEqualTo(PLANNER);
        assertThat(metadata.actorId()).isEqualTo(Identities.subjectOf(PLANNER));
    }

    @Test
    void aPlanWithACycleIsRefusedWithTheCycleNamedAndNothingStored() {
        ProtectionGroupId a = catalog.group("a", CatalogFeed.server());
        ProtectionGroupId b = catalog.group("b", CatalogFeed.server());
        ProtectionGroupId c = catalog.group("c", CatalogFeed.server());

        post(json(
                        "name",
                        prefix + "cyclic",
                        "waves",
                        List.of(wave("a", List.of("c"), a), wave("b", List.of("a"), b), wave("c", List.of("b"), c))))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("waves"))
                .body("errors[0].reason", containsString("cycle: a -> c -> b -> a"));

        given().queryParam("namePrefix", prefix)
                .get("/recovery-plans")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        ProtectionGroupId unknown = ProtectionGroupId.of("pg-" + UUID.randomUUID());
        Map<String, Object> lambda = json("type", "LAMBDA", "functionArn", "arn:aws:lambda:function:oops");
        Map<String, Object> http = json("type", "HTTP_CHECK", "url", "ftp://shop");
        Map<String, Object> ssm = json("type", "SSM_DOCUMENT", "documentName", "no spaces allowed");
        Map<String, Object> withActions = wave("a", null, g);
        withActions.put("preActions", List.of(lambda, http, ssm, json("type", "MANUAL_APPROVAL")));

        expect400(json("waves", List.of(wave("a", null, g))), "name", "must not be");
        expect400(json("name", prefix + "x", "waves", List.of()), "waves", "between 1 and 50 waves");
        expect400(
                json("name", prefix + "x", "rtoSeconds", -1, "waves", List.of(wave("a", null, g))),
                "rtoSeconds",
                "0 or more seconds");
        expect400(
                json("name", prefix + "x", "waves", List.of(wave("a", List.of("b"), g))),
                "waves[0].dependsOn[0]",
                "unknown wave 'b'");
        expect400(
                json("name", prefix + "x", "waves", List.of(wave("a", null, unknown))),
                "waves[0].protectionGroupIds[0]",
                "unknown protection group");
        expect400(
                json("name", prefix + "x", "waves", List.of(wave("a", null, g), wave("b", null, g))),
                "waves[1].protectionGroupIds[0]",
                "already in waves[0]");
        expect400(
                json("name", prefix + "x", "notificationTopicArn", "topic", "waves", List.of(wave("a", null, g))),
                "notificationTopicArn",
                "SNS topic ARN");
        expect400(json("name", prefix + "x", "wavez", List.of()), "wavez", "");
        Response actions = post(json("name", prefix + "x", "waves", List.of(withActions)));
        actions.then().statusCode(400).contentType("application/problem+json");
        assertThat(actions.jsonPath().getList("errors.field", String.class))
                .containsExactlyInAnyOrder(
                        "waves[0].preActions[0].functionArn",
                        "waves[0].preActions[1]",
                        "waves[0].preActions[2].documentName",
                        "waves[0].preActions[3].message");
        assertThat(actions.jsonPath().getString("errors.find { it.field == 'waves[0].preActions[1]' }.reason"))
                .contains("http or https");

        given().queryParam("namePrefix", prefix).get("/recovery-plans").then().body("items", equalTo(List.of()));
    }

    @Test
    void requiredApprovalsAreStoredWithDefaultsForTheTypesLeftOutAndKeptAcrossVersions() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        String id = post(json(
                        "name",
                        prefix + "approvals",
                        "requiredApprovals",
                        json("DRILL", 0, "RECOVERY", 2),
                        "waves",
                        List.of(wave("a", null, g))))
                .then()
                .statusCode(201)
                .body("requiredApprovals.DRILL", equalTo(0))
                .body("requiredApprovals.RECOVERY", equalTo(2))
                .body("requiredApprovals.FAILBACK", equalTo(1))
                .body("requiredApprovals.REPROTECT", equalTo(0))
                .extract()
                .path("id");
        given().get("/recovery-plans/" + id)
                .then()
                .statusCode(200)
                .body("requiredApprovals", equalTo(Map.of("DRILL", 0, "RECOVERY", 2, "REPROTECT", 0, "FAILBACK", 1)));

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(json(
                        "name",
                        prefix + "approvals",
                        "requiredApprovals",
                        json("FAILBACK", 3, "RECOVERY", 2, "REPROTECT", 1),
                        "waves",
                        List.of(wave("a", null, g))))
                .put("/recovery-plans/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("requiredApprovals", equalTo(Map.of("DRILL", 0, "RECOVERY", 2, "REPROTECT", 1, "FAILBACK", 3)));
        given().get("/recovery-plans/" + id)
                .then()
                .body("version", equalTo(2))
                .body("requiredApprovals", equalTo(Map.of("DRILL", 0, "RECOVERY", 2, "REPROTECT", 1, "FAILBACK", 3)));

        String defaults = post(json(
                        "name",
                        prefix + "defaults",
                        "waves",
                        List.of(wave("b", null, catalog.group("h", CatalogFeed.server())))))
                .path("id");
        given().get("/recovery-plans/" + defaults)
                .then()
                .body("requiredApprovals", equalTo(Map.of("DRILL", 0, "RECOVERY", 1, "REPROTECT", 0, "FAILBACK", 1)));
    }

    @Test
    void badRequiredApprovalsAreRefusedNamingEachFieldAndNothingIsStored() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        Map<String, Object> approvals = new java.util.LinkedHashMap<>();
        approvals.put("RECOVERY", 0);
        approvals.put("FAILBACK", 6);
        approvals.put("DRILL", -1);
        approvals.put("REHEARSAL", 1);

        Response refused = post(
                json("name", prefix + "bad", "requiredApprovals", approvals, "waves", List.of(wave("a", null, g))));

        refused.then().statusCode(400).contentType("application/problem+json");
        assertThat(refused.jsonPath().getList("errors.field", String.class))
                .containsExactlyInAnyOrder(
                        "requiredApprovals.RECOVERY",
                        "requiredApprovals.FAILBACK",
                        "requiredApprovals.DRILL",
                        "requiredApprovals.REHEARSAL");
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'requiredApprovals.RECOVERY' }.reason"))
                .isEqualTo("must be at least 1: a recovery needs a second person (the two-person rule)");
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'requiredApprovals.FAILBACK' }.reason"))
                .isEqualTo("must be from 0 to 5 but was 6");
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'requiredApprovals.DRILL' }.reason"))
                .isEqualTo("must be from 0 to 5 but was -1");
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'requiredApprovals.REHEARSAL' }.reason"))
                .isEqualTo("unknown execution type 'REHEARSAL'; the types are DRILL, RECOVERY, REPROTECT, FAILBACK");
        expect400(
                json(
                        "name",
                        prefix + "bad",
                        "requiredApprovals",
                        json("FAILBACK", 0),
                        "waves",
                        List.of(wave("a", null, g))),
                "requiredApprovals.FAILBACK",
                "a failback needs a second person");

        given().queryParam("namePrefix", prefix).get("/recovery-plans").then().body("items", equalTo(List.of()));
    }

    @Test
    void failbackSettingsAreStoredReturnedWithTheirReturnOrderAndVersionedLikeTheRest() {
        ProtectionGroupId db = catalog.group("db", CatalogFeed.server());
        ProtectionGroupId app = catalog.group("app", CatalogFeed.server());
        ProtectionGroupId web = catalog.group("web", CatalogFeed.server());
        List<Map<String, Object>> waves =
                List.of(wave("db", List.of(), db), wave("app", List.of("db"), app), wave("web", List.of("app"), web));

        String id = post(json(
                        "name",
                        prefix + "failback",
                        "failback",
                        json("waveOrder", List.of("app", "web", "db"), "terminateRecoveryInstances", false),
                        "waves",
                        waves))
                .then()
                .statusCode(201)
                .body("failback.waveOrder", contains("app", "web", "db"))
                .body("failback.restoreDirection", equalTo(true))
                .body("failback.terminateRecoveryInstances", equalTo(false))
                .extract()
                .path("id");
        given().get("/recovery-plans/" + id)
                .then()
                .statusCode(200)
                .body("failback.waveOrder", contains("app", "web", "db"))
                .body("failback.terminateRecoveryInstances", equalTo(false))
                .body("failback.returnsAfter.app", equalTo(List.of()))
                .body("failback.returnsAfter.web", contains("app"))
                .body("failback.returnsAfter.db", contains("web"));

        // Replaced without failback settings: the defaults, and the return order is the dependencies reversed.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(json("name", prefix + "failback", "waves", waves))
                .put("/recovery-plans/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("failback.waveOrder", nullValue())
                .body("failback.restoreDirection", equalTo(true))
                .body("failback.terminateRecoveryInstances", equalTo(true));
        given().get("/recovery-plans/" + id)
                .then()
                .body("version", equalTo(2))
                .body("failback.waveOrder", nullValue())
                .body("failback.returnsAfter.web", equalTo(List.of()))
                .body("failback.returnsAfter.app", contains("web"))
                .body("failback.returnsAfter.db", contains("app"));
    }

    @Test
    void aFailbackWaveOrderThatIsNotEveryWaveOnceIsRefusedNamingEachProblemAndNothingIsStored() {
        ProtectionGroupId db = catalog.group("db", CatalogFeed.server());
        ProtectionGroupId app = catalog.group("app", CatalogFeed.server());
        ProtectionGroupId web = catalog.group("web", CatalogFeed.server());

        Response refused = post(json(
                "name",
                prefix + "bad-order",
                "failback",
                json("waveOrder", List.of("web", "cache", "web", "db")),
                "waves",
                List.of(wave("db", List.of(), db), wave("app", List.of("db"), app), wave("web", List.of("app"), web))));

        refused.then().statusCode(400).contentType("application/problem+json");
        assertThat(refused.jsonPath().getList("errors.field", String.class))
                .containsExactlyInAnyOrder("failback.waveOrder[1]", "failback.waveOrder[2]", "failback.waveOrder");
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'failback.waveOrder[1]' }.reason"))
                .isEqualTo("unknown wave 'cache'; the plan's waves are app, db, web");
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'failback.waveOrder[2]' }.reason"))
                .isEqualTo("'web' is already at failback.waveOrder[0]; name each wave once");
        assertThat(refused.jsonPath().getString("errors.find { it.field == 'failback.waveOrder' }.reason"))
                .startsWith("leaves out the wave 'app'");
        expect400(
                json(
                        "name",
                        prefix + "bad-order",
                        "failback",
                        json("waveOrder", List.of()),
                        "waves",
                        List.of(wave("db", null, db))),
                "failback.waveOrder",
                "leaves out the wave 'db'");
        expect400(
                json(
                        "name",
                        prefix + "bad-order",
                        "failback",
                        json("waveOrder", List.of("not a wave")),
                        "waves",
                        List.of(wave("db", null, db))),
                "failback.waveOrder[0]",
                "'not a wave' is not a wave id");

        given().queryParam("namePrefix", prefix).get("/recovery-plans").then().body("items", equalTo(List.of()));
    }

    private static void expect400(Map<String, Object> body, String field, String reason) {
        post(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
    }

    @Test
    void anUpdateNeedsTheVersionReadAndAStaleOneIsRefused() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        String id = post(json("name", prefix + "v", "waves", List.of(wave("a", null, g))))
                .path("id");
        Map<String, Object> changed = json("name", prefix + "v2", "waves", List.of(wave("a", null, g)));

        given().contentType(ContentType.JSON)
                .body(changed)
                .put("/recovery-plans/" + id)
                .then()
                .statusCode(428)
                .body("errors[0].field", equalTo("version"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(changed)
                .put("/recovery-plans/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo(prefix + "v2"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(changed)
                .put("/recovery-plans/" + id)
                .then()
                .statusCode(409)
                .body("currentVersion", equalTo(2))
                .body("type", containsString("stale-version"));
        bus.awaitEvent(RecoveryPlanUpdated.class, e -> e.planId().value().equals(id) && e.version() == 2);
    }

    @Test
    void namesAreUniqueIgnoringCaseAndListsArePaged() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        for (String name : List.of("alpha", "beta", "gamma")) {
            post(json("name", prefix + name, "waves", List.of(wave("a", null, g))))
                    .then()
                    .statusCode(201);
        }
        post(json("name", (prefix + "ALPHA").toUpperCase(), "waves", List.of(wave("a", null, g))))
                .then()
                .statusCode(409)
                .body("type", containsString("name-taken"));

        Response first =
                given().queryParam("namePrefix", prefix).queryParam("limit", 2).get("/recovery-plans");
        first.then().statusCode(200).body("items.name", contains(prefix + "alpha", prefix + "beta"));
        given().queryParam("namePrefix", prefix)
                .queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("nextCursor"))
                .get("/recovery-plans")
                .then()
                .body("items.name", contains(prefix + "gamma"))
                .body("nextCursor", nullValue());
    }

    @Test
    void ofTwoConcurrentWritersExactlyOneWins() throws Exception {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        Map<String, Object> body = json("name", prefix + "race", "waves", List.of(wave("a", null, g)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Integer> creates = race(pool, () -> post(body).statusCode());
            assertThat(creates).containsExactlyInAnyOrder(201, 409);
            String id = given().queryParam("namePrefix", prefix + "race")
                    .get("/recovery-plans")
                    .path("items[0].id");

            List<Integer> updates = race(
                    pool,
                    () -> given().contentType(ContentType.JSON)
                            .header("If-Match", "\"1\"")
                            .body(json(
                                    "name",
                                    prefix + "race",
                                    "description",
                                    Thread.currentThread().getName(),
                                    "waves",
                                    List.of(wave("a", null, g))))
                            .put("/recovery-plans/" + id)
                            .statusCode());
            assertThat(updates).containsExactlyInAnyOrder(200, 409);
            given().get("/recovery-plans/" + id).then().body("version", equalTo(2));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> race(ExecutorService pool, Callable<Integer> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> gated = () -> {
            start.await();
            return call.call();
        };
        Future<Integer> a = pool.submit(gated);
        Future<Integer> b = pool.submit(gated);
        start.countDown();
        return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
    }

    @Test
    void deletingAPlanPublishesItsDeletionAndItIsGone() {
        ProtectionGroupId g = catalog.group("g", CatalogFeed.server());
        String id = post(json("name", prefix + "gone", "waves", List.of(wave("a", null, g))))
                .path("id");

        given().delete("/recovery-plans/" + id + "?version=5").then().statusCode(409);
        given().delete("/recovery-plans/" + id).then().statusCode(204);

        given().get("/recovery-plans/" + id).then().statusCode(404).contentType("application/problem+json");
        RecoveryPlanDeleted deleted =
                bus.awaitEvent(RecoveryPlanDeleted.class, e -> e.planId().equals(PlanId.of(id)));
        assertThat(deleted.version()).isEqualTo(2);
        given().get("/recovery-plans/not-a-plan").then().statusCode(404);
    }
}
