package dev.drsorchestrator.catalog;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.LaunchDisposition;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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

/** Launch settings through the API, checked against the network drs-adapter reports, published with the group. */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class LaunchSettingsApiTest {

    static final String REGION = "eu-west-1";
    static final String SUBNET_A = "subnet-0a0a0a0a0a0a0a0a0";
    static final String SUBNET_B = "subnet-0b0b0b0b0b0b0b0b0";
    static final String SG_A = "sg-0a0a0a0a0a0a0a0a0";
    static final String SG_B = "sg-0b0b0b0b0b0b0b0b0";

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    EventBus bus;
    String account;

    @BeforeEach
    void setUp() {
        bus = new EventBus(eventBridge, sqs, "watch-launch-" + UUID.randomUUID(), EventSource.CATALOG_SERVICE);
        account = Fixtures.account();
    }

    /** drs-adapter reports the network of the test's account and Region: two VPCs, a subnet and a group in each. */
    void reportNetwork(Instant at) {
        bus.put(
                new NetworkInventoryChanged(
                        AccountId.of(account),
                        REGION,
                        at,
                        List.of(
                                new SubnetInfo(SUBNET_A, "vpc-a", "10.0.1.0/24", REGION + "a", "app-a"),
                                new SubnetInfo(SUBNET_B, "vpc-b", "10.9.0.0/24", REGION + "b", null)),
                        List.of(
                                new SecurityGroupInfo(SG_A, "vpc-a", "app"),
                                new SecurityGroupInfo(SG_B, "vpc-b", "db")),
                        List.of("m5.large", "t3.micro")),
                "net-" + account);
    }

    String createGroup(String name, List<SourceServerId> servers, Map<String, List<String>> selector) {
        Map<String, Object> body = json("name", name, "accountId", account, "region", REGION);
        body.put("sourceServerIds", servers.stream().map(SourceServerId::value).toList());
        if (selector != null) {
            body.put("tagSelector", selector);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/protection-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    void awaitNetworkKnown(String group) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get("/protection-groups/" + group + "/launch-settings")
                        .then()
                        .body("network.known", equalTo(true)));
    }

    static Response put(String group, String ifMatch, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/protection-groups/" + group + "/launch-settings");
    }

    static String settings(SourceServerId server, String ip) {
        return """
                {"group": {"configuration": {"copyPrivateIp": false, "launchDisposition": "STARTED",
                                             "targetInstanceTypeRightSizingMethod": "NONE"},
                           "template": {"instanceType": "m5.large", "subnetId": "%s", "securityGroupIds": ["%s"],
                                        "tags": {"CostCentre": "42"}}},
                 "servers": [{"sourceServerId": "%s", "settings": {"template": {"privateIp": "%s"}}}]}
                """.formatted(SUBNET_A, SG_A, server.value(), ip);
    }

    @Test
    void putStoresTheSettingsBumpsTheVersionAndPublishesThemAndGetShowsEachMembersEffectiveSettings() {
        SourceServerId a = Fixtures.server();
        SourceServerId b = Fixtures.server();
        String id = createGroup("shop-db", List.of(a, b), null);
        reportNetwork(Instant.now());
        awaitNetworkKnown(id);

        put(id, "\"1\"", settings(a, "10.0.1.25"))
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("group.template.instanceType", equalTo("m5.large"))
                .body("servers[0].sourceServerId", equalTo(a.value()))
                .body("servers[0].settings.template.privateIp", equalTo("10.0.1.25"));

        ProtectionGroupUpdated event = bus.awaitEvent(
                ProtectionGroupUpdated.class, e -> e.protectionGroupId().value().equals(id) && e.version() == 2);
        assertThat(event.reason()).isEqualTo(ProtectionGroupChangeReason.USER_UPDATE);
        assertThat(event.launchSettings().configuration().launchDisposition()).isEqualTo(LaunchDisposition.STARTED);
        assertThat(event.launchSettings().configuration().targetInstanceTypeRightSizingMethod())
                .isEqualTo(RightSizingMethod.NONE);
        assertThat(event.serverLaunchSettings())
                .singleElement()
                .satisfies(s -> assertThat(s.sourceServerId()).isEqualTo(a));
        assertThat(event.launchSettingsOf(a).template().privateIp()).isEqualTo("10.0.1.25");
        assertThat(event.launchSettingsOf(a).template().subnetId()).isEqualTo(SUBNET_A);
        assertThat(event.launchSettingsOf(b).template().privateIp()).isNull();

        given().get("/protection-groups/" + id + "/launch-settings")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("members", hasSize(2))
                .body(
                        "members.find { it.sourceServerId == '" + a.value() + "' }.effective.template.privateIp",
                        equalTo("10.0.1.25"))
                .body(
                        "members.find { it.sourceServerId == '" + a.value() + "' }.effective.template.tags.CostCentre",
                        equalTo("42"))
                .body(
                        "members.find { it.sourceServerId == '" + b.value() + "' }.effective.template.subnetId",
                        equalTo(SUBNET_A))
                .body("members.find { it.sourceServerId == '" + b.value() + "' }.observed", nullValue())
                .body("members.find { it.sourceServerId == '" + b.value() + "' }.lastApplied", nullValue());

        // A group PUT keeps the launch settings, and its event carries them.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(json(
                        "name",
                        "shop-db",
                        "description",
                        "renamed",
                        "accountId",
                        account,
                        "region",
                        REGION,
                        "sourceServerIds",
                        List.of(a.value(), b.value())))
                .put("/protection-groups/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
        ProtectionGroupUpdated renamed = bus.awaitEvent(
                ProtectionGroupUpdated.class, e -> e.protectionGroupId().value().equals(id) && e.version() == 3);
        assertThat(renamed.launchSettingsOf(a).template().privateIp()).isEqualTo("10.0.1.25");
        given().get("/protection-groups/" + id + "/launch-settings")
                .then()
                .body("servers[0].settings.template.privateIp", equalTo("10.0.1.25"));

        // An empty body clears them.
        put(id, "\"3\"", "{}")
                .then()
                .statusCode(200)
                .body("servers", hasSize(0))
                .body("version", equalTo(4));
        ProtectionGroupUpdated cleared = bus.awaitEvent(
                ProtectionGroupUpdated.class, e -> e.protectionGroupId().value().equals(id) && e.version() == 4);
        assertThat(cleared.launchSettings().managesNothing()).isTrue();
        assertThat(cleared.serverLaunchSettings()).isEmpty();
    }

    @Test
    void anInventoryDrivenMembershipChangeCarriesTheGroupsLaunchSettings() {
        SourceServerId listed = Fixtures.server();
        String id = createGroup("db", List.of(listed), Map.of("Tier", List.of("db")));
        reportNetwork(Instant.now());
        awaitNetworkKnown(id);
        put(id, "\"1\"", settings(listed, "10.0.1.30")).then().statusCode(200);

        SourceServerId joining = Fixtures.server();
        bus.put(
                Fixtures.sync(
                        account,
                        REGION,
                        InventorySyncType.PARTIAL,
                        Instant.now(),
                        List.of(Fixtures.state(
                                joining, "db-2", Map.of("Tier", "db"), ReplicationState.CONTINUOUS, 1L))),
                "sync");
        ProtectionGroupUpdated event = bus.awaitEvent(
                ProtectionGroupUpdated.class,
                e -> e.protectionGroupId().value().equals(id)
                        && e.reason() == ProtectionGroupChangeReason.INVENTORY_CHANGE);
        assertThat(event.members()).containsExactlyInAnyOrder(listed, joining);
        assertThat(event.launchSettingsOf(joining).template().instanceType()).isEqualTo("m5.large");
        assertThat(event.launchSettingsOf(listed).template().privateIp()).isEqualTo("10.0.1.30");
    }

    @Test
    void aRequestBreakingManyRulesGetsEveryProblemInOneAnswerAndChangesNothing() {
        SourceServerId a = Fixtures.server();
        SourceServerId b = Fixtures.server();
        String id = createGroup("app", List.of(a, b), null);
        reportNetwork(Instant.now());
        awaitNetworkKnown(id);
        String stranger = Fixtures.server().value();
        String body = """
                {"group": {"configuration": {"launchDisposition": "RUNNING", "targetInstanceTypeRightSizingMethod": "BASIC"},
                           "template": {"instanceType": "x9.enormous", "subnetId": "%s",
                                        "securityGroupIds": ["%s", "sg-0c0c0c0c0c0c0c0c0"], "privateIp": "10.0.1.9"}},
                 "servers": [{"sourceServerId": "%s", "settings": {"template": {"privateIp": "10.0.2.9"}}},
                             {"sourceServerId": "%s", "settings": {"template": {"privateIp": "10.0.1.1"}}},
                             {"sourceServerId": "%s", "settings": {"template": {"privateIp": "10.0.1.77"}}},
                             {"sourceServerId": "%s", "settings": {"template": {"privateIp": "10.0.1.78"}}},
                             {"sourceServerId": "not-a-server", "settings": {}}]}
                """.formatted(SUBNET_A, SG_B, a.value(), b.value(), stranger, a.value());
        put(id, "\"1\"", body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("/problems/validation"))
                .body(
                        "errors.field",
                        hasItems(
                                "group.configuration.launchDisposition",
                                "group.template.privateIp",
                                "group.template.instanceType",
                                "group.template.securityGroupIds[0]",
                                "group.template.securityGroupIds[1]",
                                "servers[0].settings.template.privateIp",
                                "servers[1].settings.template.privateIp",
                                "servers[2].sourceServerId",
                                "servers[3].sourceServerId",
                                "servers[4].sourceServerId"))
                .body("errors.reason", hasItem(containsString("'RUNNING' is not one of STOPPED, STARTED")))
                .body("errors.reason", hasItem(containsString("a static private IP belongs to one server")))
                .body("errors.reason", hasItem(containsString("DRS would ignore instanceType 'x9.enormous'")))
                .body("errors.reason", hasItem(containsString("'x9.enormous' is not offered in " + account)))
                .body("errors.reason", hasItem(containsString("is in vpc-b but subnet '" + SUBNET_A + "' is in vpc-a")))
                .body("errors.reason", hasItem(containsString("'sg-0c0c0c0c0c0c0c0c0' does not exist")))
                .body("errors.reason", hasItem(containsString("10.0.2.9 is outside subnet")))
                .body("errors.reason", hasItem(containsString("10.0.1.1 is reserved by AWS")))
                .body("errors.reason", hasItem(containsString("is not a member of group 'app'")))
                .body("errors.reason", hasItem(containsString("is listed twice (also at servers[0])")))
                .body("errors.reason", hasItem(containsString("'not-a-server' is not a DRS source server id")));

        given().get("/protection-groups/" + id + "/launch-settings")
                .then()
                .header("ETag", equalTo("\"1\""))
                .body("servers", hasSize(0))
                .body("group.template.instanceType", nullValue());
    }

    @Test
    void withoutTheNetworkOfTheAccountAndRegionTheAnswerSaysWhatToDo() {
        SourceServerId a = Fixtures.server();
        String id = createGroup("app", List.of(a), null);
        put(id, "\"1\"", "{\"group\": {\"template\": {\"subnetId\": \"" + SUBNET_A + "\"}}}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("group.template.subnetId"))
                .body(
                        "detail",
                        equalTo("group.template.subnetId: drs-adapter has not synced the network of " + account + "/"
                                + REGION + " yet; check drs-adapter can reach the account, then retry"));
        given().get("/protection-groups/" + id + "/launch-settings")
                .then()
                .body("network.known", equalTo(false))
                .body("version", equalTo(1));
        // Settings that need no network are fine without it.
        put(id, "\"1\"", "{\"group\": {\"configuration\": {\"copyTags\": true}}}")
                .then()
                .statusCode(200)
                .body("group.configuration.copyTags", equalTo(true));
    }

    @Test
    void aPrivateIpAnotherGroupOfTheAccountAndRegionUsesIsRefusedNamingTheServerAndGroup() {
        SourceServerId a = Fixtures.server();
        SourceServerId b = Fixtures.server();
        String first = createGroup("db", List.of(a), null);
        String second = createGroup("web", List.of(b), null);
        reportNetwork(Instant.now());
        awaitNetworkKnown(first);
        put(first, "\"1\"", settings(a, "10.0.1.50")).then().statusCode(200);
        put(second, "\"1\"", settings(b, "10.0.1.50"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("servers[0].settings.template.privateIp"))
                .body(
                        "errors.reason",
                        hasItem(containsString("10.0.1.50 is already the private IP of server " + a.value()
                                + " in group 'db' (" + first + ")")));
        put(second, "\"1\"", settings(b, "10.0.1.51")).then().statusCode(200);
    }

    @Test
    void aStaleOrMissingVersionIsRefusedAndChangesNothing() {
        SourceServerId a = Fixtures.server();
        String id = createGroup("app", List.of(a), null);
        String body = "{\"group\": {\"configuration\": {\"osByol\": true}}}";
        put(id, "\"7\"", body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("stale-version"))
                .body("currentVersion", equalTo(1));
        put(id, null, body).then().statusCode(428).body("errors.field", hasItem("version"));
        given().get("/protection-groups/" + id + "/launch-settings")
                .then()
                .body("version", equalTo(1))
                .body("group.configuration.osByol", nullValue());
    }

    @Test
    void aViewerMayReadButNotChangeAndAnAnonymousCallerNeither() {
        SourceServerId a = Fixtures.server();
        String id = createGroup("app", List.of(a), null);
        String viewer = Identities.token("launch-viewer", Roles.VIEWER);
        given().auth()
                .oauth2(viewer)
                .get("/protection-groups/" + id + "/launch-settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(viewer)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{}")
                .put("/protection-groups/" + id + "/launch-settings")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("requiredRole", equalTo(Roles.PLANNER));
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{}")
                .put("/protection-groups/" + id + "/launch-settings")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get("/protection-groups/" + id).then().body("version", equalTo(1));
    }
}
