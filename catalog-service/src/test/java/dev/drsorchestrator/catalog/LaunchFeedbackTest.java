package dev.drsorchestrator.catalog;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.drsorchestrator.contracts.events.drs.LaunchSettingsApplied;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchDisposition;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchSettingsOutcome;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.ServerLaunchSettingsResult;
import dev.drsorchestrator.contracts.model.SubnetInfo;
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

/** What drs-adapter reports back: the network, the results of applying settings, what servers would launch with. */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class LaunchFeedbackTest {

    static final String REGION = "ap-southeast-2";
    static final String SUBNET = "subnet-0a0a0a0a0a0a0a0a0";

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    EventBus bus;
    String account;

    @BeforeEach
    void setUp() {
        bus = new EventBus(eventBridge, sqs, "watch-feedback-" + UUID.randomUUID(), EventSource.CATALOG_SERVICE);
        account = Fixtures.account();
    }

    NetworkInventoryChanged network(Instant at, String... instanceTypes) {
        return new NetworkInventoryChanged(
                AccountId.of(account),
                REGION,
                at,
                List.of(new SubnetInfo(SUBNET, "vpc-a", "10.0.1.0/24", REGION + "a", "app")),
                List.of(new SecurityGroupInfo("sg-0a0a0a0a0a0a0a0a0", "vpc-a", "app")),
                List.of(instanceTypes));
    }

    String createGroup(SourceServerId... servers) {
        return given().contentType(ContentType.JSON)
                .body(json(
                        "name",
                        "app",
                        "accountId",
                        account,
                        "region",
                        REGION,
                        "sourceServerIds",
                        java.util.Arrays.stream(servers)
                                .map(SourceServerId::value)
                                .toList()))
                .post("/protection-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    String launchSettings(String group) {
        return "/protection-groups/" + group + "/launch-settings";
    }

    @Test
    void theLatestNetworkSyncIsKeptAndAnOlderOneOrARedeliveryChangesNothing() {
        String id = createGroup(Fixtures.server());
        Instant newer = Instant.parse("2026-12-01T10:00:00Z");
        NetworkInventoryChanged latest = network(newer, "m5.large", "t3.micro");
        var metadata = EventBus.metadata();
        bus.put(latest, metadata);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(launchSettings(id))
                        .then()
                        .body("network.known", equalTo(true))
                        .body("network.syncedAt", equalTo("2026-12-01T10:00:00Z"))
                        .body("network.instanceTypes", equalTo(2)));
        bus.put(network(newer.minusSeconds(600), "t3.micro"), "older");
        bus.put(latest, metadata);
        // A later sync, put after them, proves the inbox got past both before we look.
        bus.put(network(newer.plusSeconds(60), "m5.large", "t3.micro", "c5.xlarge"), "later");
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(launchSettings(id))
                        .then()
                        .body("network.syncedAt", equalTo("2026-12-01T10:01:00Z"))
                        .body("network.instanceTypes", equalTo(3)));
        bus.put(network(newer.minusSeconds(3600), "t3.micro"), "much older");
        String marker = createGroupInOtherRegionAndReport();
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(launchSettings(marker)).then().body("network.known", equalTo(true)));
        given().get(launchSettings(id)).then().body("network.instanceTypes", equalTo(3));
    }

    /** A network sync for another Region of the account, put last: once it shows, everything before it was read. */
    private String createGroupInOtherRegionAndReport() {
        String other = given().contentType(ContentType.JSON)
                .body(json(
                        "name",
                        "marker",
                        "accountId",
                        account,
                        "region",
                        "ap-southeast-1",
                        "sourceServerIds",
                        List.of(Fixtures.server().value())))
                .post("/protection-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        bus.put(
                new NetworkInventoryChanged(
                        AccountId.of(account), "ap-southeast-1", Instant.now(), List.of(), List.of(), List.of()),
                "marker");
        return other;
    }

    @Test
    void eachMemberShowsDrsAdaptersLatestResultAndAResultForAnOlderGroupVersionIsIgnored() {
        SourceServerId a = Fixtures.server();
        SourceServerId b = Fixtures.server();
        String id = createGroup(a, b);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"group\": {\"configuration\": {\"copyTags\": true}}}")
                .put(launchSettings(id))
                .then()
                .statusCode(200);
        ProtectionGroupId group = ProtectionGroupId.of(id);
        Instant at = Instant.parse("2026-12-01T11:00:00Z");
        bus.put(
                new LaunchSettingsApplied(
                        group,
                        2,
                        AccountId.of(account),
                        REGION,
                        at,
                        List.of(
                                new ServerLaunchSettingsResult(
                                        a, LaunchSettingsOutcome.APPLIED, "lt-0123456789abcdef0", 4L, null),
                                new ServerLaunchSettingsResult(
                                        b,
                                        LaunchSettingsOutcome.FAILED,
                                        null,
                                        null,
                                        "DRS refused: the source server is disconnected; reconnect its agent"))),
                "applied");
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(launchSettings(id))
                        .then()
                        .body(
                                "members.find { it.sourceServerId == '" + a.value() + "' }.lastApplied.outcome",
                                equalTo("APPLIED"))
                        .body(
                                "members.find { it.sourceServerId == '" + a.value()
                                        + "' }.lastApplied.launchTemplateVersion",
                                equalTo(4))
                        .body(
                                "members.find { it.sourceServerId == '" + a.value() + "' }.lastApplied.groupVersion",
                                equalTo(2))
                        .body(
                                "members.find { it.sourceServerId == '" + b.value() + "' }.lastApplied.message",
                                equalTo("DRS refused: the source server is disconnected; reconnect its agent"))
                        .body(
                                "members.find { it.sourceServerId == '" + b.value() + "' }.lastApplied.appliedAt",
                                equalTo("2026-12-01T11:00:00Z")));

        // Late: a result for version 1, applied after. Then a marker for b at version 2, sent after it.
        bus.put(
                new LaunchSettingsApplied(
                        group,
                        1,
                        AccountId.of(account),
                        REGION,
                        at.plusSeconds(60),
                        List.of(new ServerLaunchSettingsResult(a, LaunchSettingsOutcome.FAILED, null, null, "late"))),
                "late");
        bus.put(
                new LaunchSettingsApplied(
                        group,
                        2,
                        AccountId.of(account),
                        REGION,
                        at.plusSeconds(120),
                        List.of(new ServerLaunchSettingsResult(b, LaunchSettingsOutcome.UNCHANGED, "lt-1", 7L, null))),
                "retry");
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(launchSettings(id))
                        .then()
                        .body(
                                "members.find { it.sourceServerId == '" + b.value() + "' }.lastApplied.outcome",
                                equalTo("UNCHANGED")));
        given().get(launchSettings(id))
                .then()
                .body(
                        "members.find { it.sourceServerId == '" + a.value() + "' }.lastApplied.outcome",
                        equalTo("APPLIED"))
                .body("members.find { it.sourceServerId == '" + a.value() + "' }.lastApplied.groupVersion", equalTo(2));
    }

    @Test
    void whatAServerWouldLaunchWithComesFromTheInventoryAndItsDriftIsShownWithAReadableMessage() {
        SourceServerId server = Fixtures.server();
        String id = createGroup(server);
        bus.put(network(Instant.now(), "m5.large"), "net");
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(launchSettings(id)).then().body("network.known", equalTo(true)));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("""
                        {"group": {"configuration": {"launchDisposition": "STARTED",
                                                     "targetInstanceTypeRightSizingMethod": "NONE"},
                                   "template": {"instanceType": "m5.large", "subnetId": "%s"}}}
                        """.formatted(SUBNET))
                .put(launchSettings(id))
                .then()
                .statusCode(200);

        LaunchSettings observed = new LaunchSettings(
                new LaunchConfiguration(true, true, LaunchDisposition.STOPPED, false, RightSizingMethod.NONE, false),
                new LaunchTemplateSettings("m5.large", "subnet-0b0b0b0b0b0b0b0b0", List.of(), null, Map.of()));
        bus.put(
                Fixtures.sync(
                        account,
                        REGION,
                        InventorySyncType.PARTIAL,
                        Instant.now(),
                        List.of(new SourceServerState(
                                server,
                                "app-1",
                                Map.of(),
                                ReplicationState.CONTINUOUS,
                                1L,
                                "READY_FOR_RECOVERY",
                                null,
                                null,
                                Instant.now(),
                                null,
                                null,
                                null,
                                observed))),
                "sync");

        String member = "members.find { it.sourceServerId == '" + server.value() + "' }";
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(launchSettings(id))
                        .then()
                        .body(member + ".observed.configuration.launchDisposition", equalTo("STOPPED"))
                        .body(member + ".drift", hasSize(2))
                        .body(member + ".drift.field", contains("launchDisposition", "subnetId"))
                        .body(
                                member + ".drift.message",
                                contains(
                                        "server " + server.value()
                                                + " would launch with launchDisposition STOPPED; its group 'app' says"
                                                + " STARTED",
                                        "server " + server.value()
                                                + " would launch with subnetId subnet-0b0b0b0b0b0b0b0b0; its group"
                                                + " 'app' says " + SUBNET)));
        given().get("/protection-groups/" + id + "/readiness")
                .then()
                .body("servers[0].launchDrift", hasSize(2))
                .body(
                        "servers[0].launchDrift[0]",
                        equalTo("server " + server.value()
                                + " would launch with launchDisposition STOPPED; its group 'app' says STARTED"));
        given().queryParam("protectionGroupId", id)
                .get("/source-servers")
                .then()
                .body("items[0].launchSettings.template.subnetId", equalTo("subnet-0b0b0b0b0b0b0b0b0"))
                .body("items[0].launchSettings.configuration.copyPrivateIp", equalTo(true));
    }
}
