package dev.drsorchestrator.catalog;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class InventoryTest {

    static final String REGION = "us-west-2";

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    EventBus bus;
    String account;

    @BeforeEach
    void setUp() {
        bus = new EventBus(eventBridge, sqs, "watch-inventory-" + UUID.randomUUID(), EventSource.CATALOG_SERVICE);
        account = Fixtures.account();
    }

    String createSelectorGroup(String name, Map<String, List<String>> selector) {
        return given().contentType(ContentType.JSON)
                .body(json("name", name, "accountId", account, "region", REGION, "tagSelector", selector))
                .post("/protection-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** drs-adapter reports servers of this test's account and region. */
    void report(InventorySyncType type, Instant at, List<SourceServerState> servers) {
        bus.put(Fixtures.sync(account, REGION, type, at, servers), "sync");
    }

    void awaitServer(SourceServerId id, String field, Object value) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().queryParam("accountId", account)
                        .queryParam("region", REGION)
                        .queryParam("limit", 500)
                        .get("/source-servers")
                        .then()
                        .body("items.find { it.sourceServerId == '" + id.value() + "' }." + field, equalTo(value)));
    }

    @Test
    void inventoryUpsertsServersAndASelectorGroupTakesTheMatchingOnes() {
        String db = createSelectorGroup("db", Map.of("Tier", List.of("db")));
        SourceServerId db1 = Fixtures.server();
        SourceServerId web1 = Fixtures.server();
        report(
                InventorySyncType.PARTIAL,
                Instant.now(),
                List.of(
                        Fixtures.state(db1, "shop-db-1", Map.of("Tier", "db"), ReplicationState.CONTINUOUS, 3L),
                        Fixtures.state(web1, "shop-web-1", Map.of("Tier", "web"), ReplicationState.STALLED, 900L)));

        ProtectionGroupUpdated updated = bus.awaitEvent(
                ProtectionGroupUpdated.class, e -> e.protectionGroupId().value().equals(db));
        assertThat(updated.reason()).isEqualTo(ProtectionGroupChangeReason.INVENTORY_CHANGE);
        assertThat(updated.members()).containsExactly(db1);
        awaitServer(db1, "protectionGroup.name", "db");
        given().queryParam("accountId", account)
                .queryParam("region", REGION)
                .queryParam("unassigned", true)
                .get("/source-servers")
                .then()
                .body("items.sourceServerId", contains(web1.value()))
                .body("items[0].hostname", equalTo("shop-web-1"))
                .body("items[0].replicationState", equalTo("STALLED"))
                .body("items[0].lagSeconds", equalTo(900));
    }

    @Test
    void aSelectorMatchHeldByAnotherGroupStaysThereAndShowsAsAConflict() {
        SourceServerId shared = Fixtures.server();
        String explicit = given().contentType(ContentType.JSON)
                .body(json(
                        "name",
                        "legacy",
                        "accountId",
                        account,
                        "region",
                        REGION,
                        "sourceServerIds",
                        List.of(shared.value())))
                .post("/protection-groups")
                .path("id");
        String selector = createSelectorGroup("app", Map.of("App", List.of("shop")));
        report(
                InventorySyncType.PARTIAL,
                Instant.now(),
                List.of(Fixtures.state(shared, "shop-app-1", Map.of("App", "shop"), ReplicationState.CONTINUOUS, 1L)));
        ProtectionGroupUpdated updated = bus.awaitEvent(
                ProtectionGroupUpdated.class, e -> e.protectionGroupId().value().equals(selector));
        assertThat(updated.members()).isEmpty();
        assertThat(updated.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.sourceServerId()).isEqualTo(shared);
            assertThat(c.heldBy().value()).isEqualTo(explicit);
        });
        given().get("/protection-groups/" + selector)
                .then()
                .body("conflicts[0].heldByName", equalTo("legacy"))
                .body("memberCount", equalTo(0));
        given().get("/protection-groups/" + explicit).then().body("members", contains(shared.value()));

        // Once the holder lets go, the selector's group takes the server.
        given().delete("/protection-groups/" + explicit).then().statusCode(204);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/protection-groups/" + selector)
                        .then()
                        .body("members", contains(shared.value()))
                        .body("conflicts.size()", equalTo(0)));
        awaitServer(shared, "protectionGroup.id", selector);
    }

    @Test
    void aFullSyncMarksServersItDidNotReportAsGoneWithoutDeletingThem() {
        SourceServerId stays = Fixtures.server();
        SourceServerId leaves = Fixtures.server();
        Instant first = Instant.now().minusSeconds(60);
        report(
                InventorySyncType.FULL,
                first,
                List.of(
                        Fixtures.state(stays, "a", Map.of(), ReplicationState.CONTINUOUS, 1L),
                        Fixtures.state(leaves, "b", Map.of(), ReplicationState.CONTINUOUS, 1L)));
        awaitServer(leaves, "gone", false);
        report(
                InventorySyncType.FULL,
                Instant.now(),
                List.of(Fixtures.state(stays, "a", Map.of(), ReplicationState.CONTINUOUS, 2L)));
        awaitServer(leaves, "gone", true);
        awaitServer(stays, "gone", false);
    }

    @Test
    void aDuplicateDeliveryOfAnInventoryEventChangesNothing() {
        String db = createSelectorGroup("db", Map.of("Tier", List.of("db")));
        SourceServerId server = Fixtures.server();
        SourceServerInventoryChanged sync = Fixtures.sync(
                account,
                REGION,
                InventorySyncType.PARTIAL,
                Instant.now(),
                List.of(Fixtures.state(server, "db-1", Map.of("Tier", "db"), ReplicationState.CONTINUOUS, 1L)));
        EventMetadata metadata = EventBus.metadata();
        bus.put(sync, metadata);
        bus.awaitEvent(
                ProtectionGroupUpdated.class, e -> e.protectionGroupId().value().equals(db));
        bus.put(sync, metadata);
        // A later, different event proves the inbox got past the duplicate before we count.
        SourceServerId marker = Fixtures.server();
        report(
                InventorySyncType.PARTIAL,
                Instant.now(),
                List.of(Fixtures.state(marker, "db-2", Map.of("Tier", "db"), ReplicationState.CONTINUOUS, 1L)));
        bus.awaitEvent(
                ProtectionGroupUpdated.class,
                e -> e.protectionGroupId().value().equals(db) && e.members().contains(marker));
        assertThat(bus.all(
                        ProtectionGroupUpdated.class,
                        e -> e.protectionGroupId().value().equals(db)))
                .hasSize(2);
        given().get("/protection-groups/" + db).then().body("version", equalTo(3));
    }

    @Test
    void readinessShowsEachMemberAndWhyItIsNotReady() {
        SourceServerId ok = Fixtures.server();
        SourceServerId lagging = Fixtures.server();
        SourceServerId stalled = Fixtures.server();
        SourceServerId unknown = Fixtures.server();
        report(
                InventorySyncType.PARTIAL,
                Instant.now(),
                List.of(
                        Fixtures.state(ok, "ok", Map.of(), ReplicationState.CONTINUOUS, 5L),
                        Fixtures.state(lagging, "lag", Map.of(), ReplicationState.CONTINUOUS, 600L),
                        Fixtures.state(stalled, "stall", Map.of(), ReplicationState.STALLED, 5L)));
        awaitServer(stalled, "replicationState", "STALLED");
        String id = given().contentType(ContentType.JSON)
                .body(json(
                        "name",
                        "mixed",
                        "accountId",
                        account,
                        "region",
                        REGION,
                        "sourceServerIds",
                        List.of(ok.value(), lagging.value(), stalled.value(), unknown.value())))
                .post("/protection-groups")
                .path("id");
        given().queryParam("rpoSeconds", 300)
                .get("/protection-groups/" + id + "/readiness")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("ready", equalTo(1))
                .body("notReadyByReason.LAG_ABOVE_RPO", equalTo(1))
                .body("notReadyByReason.NOT_CONTINUOUS", equalTo(1))
                .body("notReadyByReason.NOT_FOUND", equalTo(1))
                .body("servers.find { it.sourceServerId == '" + ok.value() + "' }.ready", equalTo(true))
                .body("servers.find { it.sourceServerId == '" + unknown.value() + "' }.reason", equalTo("NOT_FOUND"));
        given().get("/protection-groups/" + id + "/readiness").then().body("ready", equalTo(2));
        given().queryParam("rpoSeconds", -1)
                .get("/protection-groups/" + id + "/readiness")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("rpoSeconds"));
    }

    @Test
    void serverListFiltersByStateTagAndHostnameAndPagesThroughEveryServer() {
        List<SourceServerId> ids = new java.util.ArrayList<>();
        List<SourceServerState> states = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SourceServerId id = Fixtures.server();
            ids.add(id);
            states.add(Fixtures.state(
                    id,
                    (i < 4 ? "web-" : "db-") + i,
                    Map.of("Tier", i < 4 ? "web" : "db"),
                    i % 2 == 0 ? ReplicationState.CONTINUOUS : ReplicationState.BACKLOG,
                    1L));
        }
        report(InventorySyncType.PARTIAL, Instant.now(), states);
        awaitServer(ids.get(6), "hostname", "db-6");

        given().queryParam("accountId", account)
                .queryParam("region", REGION)
                .queryParam("replicationState", "BACKLOG")
                .get("/source-servers")
                .then()
                .body("items.hostname", contains("db-5", "web-1", "web-3"));
        given().queryParam("accountId", account)
                .queryParam("tag", "Tier:db")
                .queryParam("hostnamePrefix", "DB-")
                .get("/source-servers")
                .then()
                .body("items.hostname", contains("db-4", "db-5", "db-6"));

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("accountId", account).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/source-servers").then().statusCode(200).extract();
            seen.addAll(page.path("items.sourceServerId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(SourceServerId::value).toList());

        given().queryParam("replicationState", "FAST")
                .queryParam("tag", "novalue")
                .get("/source-servers")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("replicationState", "tag"));
        given().queryParam("accountId", account)
                .queryParam("region", REGION)
                .queryParam("hostnamePrefix", "nothing-like-this")
                .get("/source-servers")
                .then()
                .body("items.size()", equalTo(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void aServersOriginAndReplicationDirectionAreShownAndTheListFiltersByOrigin() {
        SourceServerId ec2 = Fixtures.server();
        SourceServerId onPremises = Fixtures.server();
        SourceServerId older = Fixtures.server();
        String reversedArn = "arn:aws:drs:us-east-1:" + account + ":source-server/" + Fixtures.server();
        ServerOrigin origin =
                new ServerOrigin(ServerOrigin.Type.EC2, AccountId.of(account), "us-east-1", "us-east-1b", "i-0abc1234");
        report(
                InventorySyncType.PARTIAL,
                Instant.now(),
                List.of(
                        Fixtures.state(ec2, "ec2-app", origin, "FAILOVER", reversedArn),
                        Fixtures.state(onPremises, "dc-app", ServerOrigin.ON_PREMISES, "FAILOVER", null),
                        Fixtures.state(older, "old-app", Map.of(), ReplicationState.CONTINUOUS, 1L)));
        awaitServer(older, "hostname", "old-app");
        awaitServer(ec2, "origin.type", "EC2");

        given().queryParam("accountId", account)
                .queryParam("region", REGION)
                .queryParam("origin", "EC2")
                .get("/source-servers")
                .then()
                .statusCode(200)
                .body("items.sourceServerId", contains(ec2.value()))
                .body("items[0].origin.type", equalTo("EC2"))
                .body("items[0].origin.accountId", equalTo(account))
                .body("items[0].origin.region", equalTo("us-east-1"))
                .body("items[0].origin.availabilityZone", equalTo("us-east-1b"))
                .body("items[0].origin.ec2InstanceId", equalTo("i-0abc1234"))
                .body("items[0].originDescription", equalTo("EC2 i-0abc1234 in " + account + "/us-east-1 (us-east-1b)"))
                .body("items[0].replicationDirection", equalTo("FAILOVER"))
                .body("items[0].reversedDirectionSourceServerArn", equalTo(reversedArn));
        given().queryParam("accountId", account)
                .queryParam("region", REGION)
                .queryParam("origin", "ON_PREMISES")
                .get("/source-servers")
                .then()
                .body("items.sourceServerId", contains(onPremises.value()))
                .body("items[0].originDescription", equalTo("on premises"))
                .body("items[0].reversedDirectionSourceServerArn", nullValue());
        given().queryParam("accountId", account)
                .queryParam("region", REGION)
                .get("/source-servers")
                .then()
                .body("items.find { it.sourceServerId == '" + older.value() + "' }.origin", nullValue())
                .body("items.find { it.sourceServerId == '" + older.value() + "' }.originDescription", nullValue())
                .body("items.find { it.sourceServerId == '" + older.value() + "' }.replicationDirection", nullValue());
        given().queryParam("origin", "AZURE")
                .get("/source-servers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("origin"))
                .body("errors[0].reason", equalTo("'AZURE' is not a server origin; one of [EC2, ON_PREMISES]"));
    }
}
