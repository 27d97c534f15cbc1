package dev.drsorchestrator.catalog;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanCreated;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanDeleted;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ProtectionGroupApiTest {

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    EventBus bus;
    String account;

    @BeforeEach
    void setUp() {
        bus = new EventBus(eventBridge, sqs, "watch-groups-" + UUID.randomUUID(), EventSource.CATALOG_SERVICE);
        account = Fixtures.account();
    }

    static Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/protection-groups");
    }

    Map<String, Object> group(String name, List<String> ids, Map<String, List<String>> selector) {
        Map<String, Object> body = json("name", name, "accountId", account, "region", "eu-central-1");
        if (ids != null) {
            body.put("sourceServerIds", ids);
        }
        if (selector != null) {
            body.put("tagSelector", selector);
        }
        return body;
    }

    @Test
    void createdGroupHoldsItsListedServersAndPublishesCreatedWithTheResolvedMembers() {
        SourceServerId a = Fixtures.server();
        SourceServerId b = Fixtures.server();
        Response created = post(group("shop-db", List.of(b.value(), a.value()), null));
        created.then()
                .statusCode(201)
                .header("Location", containsString("/protection-groups/pg-"))
                .header("ETag", equalTo("\"1\""))
                .body("memberCount", equalTo(2))
                .body("version", equalTo(1))
                .body("conflicts.size()", equalTo(0));
        String id = created.path("id");

        ProtectionGroupCreated event = bus.awaitEvent(
                ProtectionGroupCreated.class, e -> e.protectionGroupId().value().equals(id));
        assertThat(event.members()).containsExactlyInAnyOrder(a, b);
        assertThat(event.name()).isEqualTo("shop-db");
        given().get("/protection-groups/" + id).then().statusCode(200).body("members", hasItem(a.value()));
        given().queryParam("protectionGroupId", id)
                .get("/source-servers")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].protectionGroup.name", equalTo("shop-db"))
                .body("items[0].knownToDrs", equalTo(false));
    }

    static Stream<Arguments> badRequests() {
        String ok = "s-0123456789abcdef0";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"name\": \"x\",", "body"),
                Arguments.of(
                        "unknown region",
                        "{\"name\":\"x\",\"accountId\":\"111122223333\",\"region\":\"us-east-9\",\"sourceServerIds\":[\""
                                + ok + "\"]}",
                        "region"),
                Arguments.of(
                        "account with 11 digits",
                        "{\"name\":\"x\",\"accountId\":\"11112222333\",\"region\":\"us-east-1\",\"sourceServerIds\":[\""
                                + ok + "\"]}",
                        "accountId"),
                Arguments.of(
                        "server id not matching the pattern",
                        "{\"name\":\"x\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"sourceServerIds\":[\""
                                + ok + "\",\"i-0123\"]}",
                        "sourceServerIds[1]"),
                Arguments.of(
                        "empty name",
                        "{\"name\":\"\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"sourceServerIds\":[\""
                                + ok + "\"]}",
                        "name"),
                Arguments.of(
                        "a 10,000-character description",
                        "{\"name\":\"x\",\"description\":\"" + "d".repeat(10_000)
                                + "\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"sourceServerIds\":[\""
                                + ok + "\"]}",
                        "description"),
                Arguments.of(
                        "an empty list and no selector",
                        "{\"name\":\"x\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"sourceServerIds\":[]}",
                        "sourceServerIds"),
                Arguments.of(
                        "a selector with an empty value list",
                        "{\"name\":\"x\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"tagSelector\":{\"Tier\":[]}}",
                        "tagSelector.Tier"),
                Arguments.of(
                        "an unknown field",
                        "{\"name\":\"x\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"tagSelectors\":{\"Tier\":[\"db\"]}}",
                        "tagSelectors"),
                Arguments.of(
                        "a server listed twice",
                        "{\"name\":\"x\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"sourceServerIds\":[\""
                                + ok + "\",\"" + ok + "\"]}",
                        "sourceServerIds[1]"),
                Arguments.of(
                        "a string where a list belongs",
                        "{\"name\":\"x\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"sourceServerIds\":\""
                                + ok + "\"}",
                        "sourceServerIds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRefusedWithProblemJsonNamingTheFieldAndNothingIsStored(String what, String body, String field) {
        int before = given().queryParam("accountId", "111122223333")
                .queryParam("region", "us-east-1")
                .get("/protection-groups")
                .path("items.size()");
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/protection-groups")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("/problems/validation"))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
        int after = given().queryParam("accountId", "111122223333")
                .queryParam("region", "us-east-1")
                .get("/protection-groups")
                .path("items.size()");
        assertThat(after).as("groups stored after a refused request").isEqualTo(before);
    }

    @Test
    void serverHeldByAnotherGroupRefusesTheWholeRequestNamingServerAndGroup() {
        SourceServerId shared = Fixtures.server();
        SourceServerId other = Fixtures.server();
        String holder = post(group("db", List.of(shared.value()), null))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        post(group("app", List.of(other.value(), shared.value()), null))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("conflicts[0].sourceServerId", equalTo(shared.value()))
                .body("conflicts[0].heldBy", equalTo(holder))
                .body("conflicts[0].heldByName", equalTo("db"))
                .body("detail", containsString(shared.value()));
        given().queryParam("accountId", account)
                .queryParam("region", "eu-central-1")
                .queryParam("unassigned", true)
                .get("/source-servers")
                .then()
                .body("items.sourceServerId", org.hamcrest.Matchers.not(hasItem(other.value())));
        given().queryParam("accountId", account)
                .queryParam("region", "eu-central-1")
                .get("/protection-groups")
                .then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void twoRequestsRacingForTheSameServerExactlyOneWins() throws Exception {
        SourceServerId contested = Fixtures.server();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String name = "racer-" + i;
            Callable<Integer> race = () -> {
                start.await();
                return post(group(
                                name,
                                List.of(contested.value(), Fixtures.server().value()),
                                null))
                        .statusCode();
            };
            results.add(pool.submit(race));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        given().queryParam("accountId", account)
                .queryParam("region", "eu-central-1")
                .get("/protection-groups")
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].members", hasItem(contested.value()));
    }

    @Test
    void namesAreUniquePerAccountAndRegionIgnoringCase() {
        post(group("Web-Tier", List.of(Fixtures.server().value()), null)).then().statusCode(201);
        post(group("web-tier", List.of(Fixtures.server().value()), null))
                .then()
                .statusCode(409)
                .body("type", containsString("name-taken"));
        Map<String, Object> elsewhere =
                group("web-tier", List.of(Fixtures.server().value()), null);
        elsewhere.put("region", "us-west-2");
        post(elsewhere).then().statusCode(201);
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        SourceServerId a = Fixtures.server();
        Response created = post(group("app", List.of(a.value()), null));
        String id = created.path("id");
        Map<String, Object> change =
                group("app", List.of(a.value(), Fixtures.server().value()), null);
        change.put("version", 1);
        given().contentType(ContentType.JSON)
                .body(change)
                .put("/protection-groups/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("memberCount", equalTo(2));
        ProtectionGroupUpdated updated = bus.awaitEvent(
                ProtectionGroupUpdated.class, e -> e.protectionGroupId().value().equals(id));
        assertThat(updated.reason()).isEqualTo(ProtectionGroupChangeReason.USER_UPDATE);

        Map<String, Object> stale = group("app renamed", List.of(a.value()), null);
        stale.put("version", 1);
        given().contentType(ContentType.JSON)
                .body(stale)
                .put("/protection-groups/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("version"))
                .body("currentVersion", equalTo(2));
        given().get("/protection-groups/" + id)
                .then()
                .body("name", equalTo("app"))
                .body("version", equalTo(2));

        Map<String, Object> noVersion = group("app", List.of(a.value()), null);
        given().contentType(ContentType.JSON)
                .body(noVersion)
                .put("/protection-groups/" + id)
                .then()
                .statusCode(428)
                .body("errors.field", hasItem("version"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(noVersion)
                .put("/protection-groups/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("memberCount", equalTo(1));
    }

    @Test
    void deleteIsRefusedWhileAPlanUsesTheGroupAndAllowedOnceThePlanIsGone() {
        String id = post(group("db", List.of(Fixtures.server().value()), null)).path("id");
        PlanId plan = PlanId.of("plan-" + UUID.randomUUID());
        bus.put(new RecoveryPlanCreated(plan, "web-shop", 1, 1, List.of(ProtectionGroupId.of(id))), plan.value());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() ->
                        given().get("/protection-groups/" + id).then().body("usedBy.planName", hasItem("web-shop")));

        given().delete("/protection-groups/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("plans[0].planId", equalTo(plan.value()))
                .body("detail", containsString("web-shop"));

        bus.put(new RecoveryPlanDeleted(plan, "web-shop", 2), plan.value());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(
                        () -> given().get("/protection-groups/" + id).then().body("usedBy.size()", equalTo(0)));
        given().delete("/protection-groups/" + id).then().statusCode(204);
        given().get("/protection-groups/" + id).then().statusCode(404).contentType("application/problem+json");
        bus.awaitEvent(
                ProtectionGroupDeleted.class, e -> e.protectionGroupId().value().equals(id));
    }

    @Test
    void listFiltersByAccountRegionAndNamePrefixAndPagesWithACursor() {
        for (String name : List.of("alpha-1", "alpha-2", "alpha-3", "beta")) {
            post(group(name, List.of(Fixtures.server().value()), null)).then().statusCode(201);
        }
        Response first = given().queryParam("accountId", account)
                .queryParam("region", "eu-central-1")
                .queryParam("namePrefix", "ALPHA")
                .queryParam("limit", 2)
                .get("/protection-groups");
        first.then().statusCode(200).body("items.name", org.hamcrest.Matchers.contains("alpha-1", "alpha-2"));
        String cursor = first.path("nextCursor");
        given().queryParam("accountId", account)
                .queryParam("region", "eu-central-1")
                .queryParam("namePrefix", "ALPHA")
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/protection-groups")
                .then()
                .body("items.name", org.hamcrest.Matchers.contains("alpha-3"))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        given().queryParam("accountId", account)
                .get("/protection-groups")
                .then()
                .body("items.size()", equalTo(4));
        given().queryParam("cursor", "not-a-cursor")
                .get("/protection-groups")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
        given().queryParam("limit", 0)
                .get("/protection-groups")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().queryParam("accountId", "12345")
                .get("/protection-groups")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("accountId"));
    }

    @Test
    void unknownGroupIsA404Problem() {
        given().get("/protection-groups/pg-00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("pg-00000000-0000-0000-0000-000000000000"));
        given().get("/protection-groups/nonsense").then().statusCode(404).contentType("application/problem+json");
    }
}
