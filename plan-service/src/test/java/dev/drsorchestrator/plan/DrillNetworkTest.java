package dev.drsorchestrator.plan;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static dev.drsorchestrator.plan.PlanApiTest.post;
import static dev.drsorchestrator.plan.PlanApiTest.wave;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drill networks on plans (validated against drs-adapter's network inventory), what a DRILL puts on the bus, and the
 * launch checks of preflight, each appearing and going as its cause does. Every test has its own account, so the
 * network inventories of tests never meet.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class DrillNetworkTest extends DevstackTest {

    static final String REGION = "us-east-1";

    /** Production: subnet-prod and subnet-side in vpc-prod; drill: subnet-drill, subnet-mirror in vpc-drill. */
    static final List<SubnetInfo> SUBNETS = List.of(
            new SubnetInfo("subnet-prod", "vpc-prod", "10.0.1.0/24", "us-east-1a", "production-a"),
            new SubnetInfo("subnet-side", "vpc-prod", "10.0.9.0/24", "us-east-1a", "production-side"),
            new SubnetInfo("subnet-drill", "vpc-drill", "10.99.0.0/24", "us-east-1a", "drill-a"),
            new SubnetInfo("subnet-mirror", "vpc-drill", "10.0.1.0/24", "us-east-1b", "drill-mirror"));

    static final List<SecurityGroupInfo> GROUPS = List.of(
            new SecurityGroupInfo("sg-prod", "vpc-prod", "production"),
            new SecurityGroupInfo("sg-drill", "vpc-drill", "drill-isolated"));

    String name;
    AccountId account;
    SourceServerId db1;
    SourceServerId db2;
    ProtectionGroupId db;

    @BeforeEach
    void setUp() {
        name = "drillnet-" + UUID.randomUUID();
        account = AccountId.of(
                String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L)));
        db1 = CatalogFeed.server();
        db2 = CatalogFeed.server();
        // Group db launches into subnet-prod; db2 has the static IP 10.0.1.20.
        db = catalog.group(
                "db",
                account,
                REGION,
                template("subnet-prod", null),
                List.of(new ServerLaunchSettings(db2, template(null, "10.0.1.20"))),
                db1,
                db2);
        catalog.replicating(5, db1, db2);
    }

    static LaunchSettings template(String subnet, String privateIp) {
        return new LaunchSettings(
                LaunchConfiguration.UNMANAGED, new LaunchTemplateSettings(null, subnet, null, privateIp, null));
    }

    Map<String, Object> drillNetwork(String subnet, String... groups) {
        return json(
                "accountId",
                account.value(),
                "region",
                REGION,
                "subnetId",
                subnet,
                "securityGroupIds",
                List.of(groups));
    }

    Map<String, Object> plan(Map<String, Object>... networks) {
        Map<String, Object> plan = json("name", name, "waves", List.of(wave("db", List.of(), db)));
        if (networks.length > 0) {
            plan.put("drillNetworks", List.of(networks));
        }
        return plan;
    }

    void synced(Instant at) {
        catalog.network(account, REGION, at, SUBNETS, GROUPS);
    }

    static Response put(String id, long version, Map<String, Object> plan) {
        return given().auth()
                .oauth2(Identities.token(PlanApiTest.PLANNER, Roles.PLANNER))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(plan)
                .put("/recovery-plans/" + id);
    }

    static Response execute(String planId, String type) {
        return given().auth()
                .oauth2(Identities.token("rita", Roles.RECOVERY_OPERATOR))
                .contentType(ContentType.JSON)
                .body(json("type", type))
                .post("/recovery-plans/" + planId + "/executions");
    }

    static JsonPath preflight(String planId, String type) {
        var request = given();
        if (type != null) {
            request.queryParam("type", type);
        }
        return request.get("/recovery-plans/" + planId + "/preflight")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The details of the launch findings of one check. */
    static List<String> findings(JsonPath report, String check) {
        return report.getList("launchChecks.findAll { it.check == '" + check + "' }.detail", String.class);
    }

    static Map<String, String> errors(Response refused) {
        refused.then().statusCode(400).contentType("application/problem+json");
        return refused.jsonPath().getList("errors", Map.class).stream()
                .collect(Collectors.toMap(
                        e -> (String) e.get("field"), e -> (String) e.get("reason"), (a, b) -> a + " | " + b));
    }

    void nothingStored() {
        given().queryParam("namePrefix", name)
                .get("/recovery-plans")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void drillNetworksAreStoredReturnedListedAndReplaced() {
        synced(Instant.now());

        Response created = post(plan(drillNetwork("subnet-drill", "sg-drill")));

        created.then()
                .statusCode(201)
                .body("drillNetworks[0].accountId", equalTo(account.value()))
                .body("drillNetworks[0].subnetId", equalTo("subnet-drill"));
        String id = created.path("id");
        given().get("/recovery-plans/" + id)
                .then()
                .statusCode(200)
                .body("drillNetworks.size()", equalTo(1))
                .body("drillNetworks[0].region", equalTo(REGION))
                .body("drillNetworks[0].subnetId", equalTo("subnet-drill"))
                .body("drillNetworks[0].securityGroupIds", contains("sg-drill"));
        given().queryParam("namePrefix", name)
                .get("/recovery-plans")
                .then()
                .body("items[0].drillNetworks[0].subnetId", equalTo("subnet-drill"));

        put(id, 1, plan(drillNetwork("subnet-mirror", "sg-drill"))).then().statusCode(200);
        given().get("/recovery-plans/" + id)
                .then()
                .body("version", equalTo(2))
                .body("drillNetworks[0].subnetId", equalTo("subnet-mirror"));

        put(id, 2, plan()).then().statusCode(200);
        given().get("/recovery-plans/" + id).then().body("drillNetworks", equalTo(List.of()));
    }

    @Test
    void everyDrillNetworkProblemOfARequestIsListedAtOnceAndNothingIsStored() {
        synced(Instant.now());
        AccountId unsynced = AccountId.of("000000000001");
        Map<String, Object> request = plan(
                drillNetwork("subnet-prod", "sg-gone", "sg-drill"),
                drillNetwork("subnet-nowhere"),
                json(
                        "accountId",
                        unsynced.value(),
                        "region",
                        "eu-west-1",
                        "subnetId",
                        "subnet-x",
                        "securityGroupIds",
                        List.of("sg-x")));

        Map<String, String> errors = errors(post(request));

        assertThat(errors)
                .containsOnlyKeys(
                        "drillNetworks[0].subnetId",
                        "drillNetworks[0].securityGroupIds[0]",
                        "drillNetworks[0].securityGroupIds[1]",
                        "drillNetworks[1]",
                        "drillNetworks[1].securityGroupIds",
                        "drillNetworks[1].subnetId",
                        "drillNetworks[2]");
        assertThat(errors.get("drillNetworks[0].subnetId"))
                .contains("server " + db1 + "'s group 'db' names it")
                .contains("server " + db2 + "'s group 'db' names it")
                .contains("a drill network must be isolated from production");
        assertThat(errors.get("drillNetworks[0].securityGroupIds[0]"))
                .startsWith("security group sg-gone is not in the network of " + account + "/us-east-1");
        assertThat(errors.get("drillNetworks[0].securityGroupIds[1]"))
                .startsWith("security group sg-drill is in vpc-drill but subnet subnet-prod is in vpc-prod");
        assertThat(errors.get("drillNetworks[1]"))
                .isEqualTo(account + "/us-east-1 already has a drill network at drillNetworks[0]; a plan has at"
                        + " most one per account and Region");
        assertThat(errors.get("drillNetworks[1].securityGroupIds")).contains("at least one security group");
        assertThat(errors.get("drillNetworks[1].subnetId"))
                .startsWith("subnet subnet-nowhere is not in the network of " + account + "/us-east-1");
        assertThat(errors.get("drillNetworks[2]"))
                .isEqualTo("drs-adapter has not synced the network of 000000000001/eu-west-1 yet; check drs-adapter"
                        + " can reach the account, then retry");

        Map<String, String> malformed = errors(post(plan(json(
                "accountId", "1234", "region", "Mars-1", "subnetId", "", "securityGroupIds", List.of("sg-drill")))));
        assertThat(malformed)
                .containsOnlyKeys("drillNetworks[0].accountId", "drillNetworks[0].region", "drillNetworks[0].subnetId");
        assertThat(malformed.get("drillNetworks[0].accountId")).contains("12-digit AWS account id");
        assertThat(malformed.get("drillNetworks[0].region")).contains("AWS Region such as us-east-1");
        nothingStored();
    }

    @Test
    void withoutANetworkInventoryADrillNetworkIsRefusedSayingWhatToDo() {
        Response refused = post(plan(drillNetwork("subnet-drill", "sg-drill")));

        assertThat(errors(refused))
                .containsExactly(Map.entry(
                        "drillNetworks[0]",
                        "drs-adapter has not synced the network of " + account + "/us-east-1 yet; check drs-adapter"
                                + " can reach the account, then retry"));
        nothingStored();
    }

    @Test
    void theSubnetAServerWouldLaunchIntoIsRefusedNamingTheServer() {
        synced(Instant.now());
        catalog.launching(Map.of(db1, template("subnet-side", null)));

        Map<String, String> errors = errors(post(plan(drillNetwork("subnet-side", "sg-prod"))));

        assertThat(errors)
                .containsExactly(Map.entry(
                        "drillNetworks[0].subnetId",
                        "subnet subnet-side is a production subnet of the plan's servers (server " + db1
                                + " would launch into it (its launch template)); a drill network must be isolated"
                                + " from production: choose a subnet of an isolated VPC"));
        nothingStored();
    }

    @Test
    void aDrillCarriesThePlansDrillNetworksAndARecoveryNone() {
        synced(Instant.now());
        String id = post(plan(drillNetwork("subnet-drill", "sg-drill"))).path("id");

        String drillId = execute(id, "DRILL").then().statusCode(202).extract().path("executionId");
        String recoveryId =
                execute(id, "RECOVERY").then().statusCode(202).extract().path("executionId");

        ExecutionRequested drill = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(drillId));
        ExecutionRequested recovery = bus.awaitEvent(
                ExecutionRequested.class, e -> e.executionId().value().equals(recoveryId));
        assertThat(drill.drillNetworks())
                .containsExactly(new DrillNetwork(account, REGION, "subnet-drill", List.of("sg-drill")));
        assertThat(recovery.drillNetworks()).isEmpty();
    }

    @Test
    void aNewerNetworkSyncReplacesTheStoredOneALateOneChangesNothingAndAGoneDrillSubnetBlocksDrills() {
        Instant first = Instant.now().minusSeconds(600);
        synced(first);
        String id = post(plan(drillNetwork("subnet-drill", "sg-drill"))).path("id");
        assertThat(findings(preflight(id, "DRILL"), "DRILL_NETWORK_GONE")).isEmpty();

        // The drill subnet is deleted: the next sync no longer has it.
        Instant second = first.plusSeconds(60);
        catalog.network(account, REGION, second, SUBNETS.subList(0, 2), GROUPS);
        catalog.replayNetwork(account, REGION, first.plusSeconds(30), SUBNETS, GROUPS);

        assertThat(catalog.networkItem(account, REGION).get("syncedAt").s()).isEqualTo(second.toString());
        JsonPath drill = preflight(id, "DRILL");
        assertThat(drill.getBoolean("canRun")).isFalse();
        assertThat(findings(drill, "DRILL_NETWORK_GONE"))
                .containsExactly("drill network of " + account + "/us-east-1 (drillNetworks[0]): subnet subnet-drill"
                        + " is no longer in the network drs-adapter synced at " + second + "; drills cannot launch"
                        + " there: set another one in the plan's drillNetworks");
        assertThat(drill.getList("blockers", String.class)).containsAll(findings(drill, "DRILL_NETWORK_GONE"));
        assertThat(preflight(id, "RECOVERY").getBoolean("canRun")).isTrue();
        Response refused = execute(id, "DRILL");
        refused.then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("plan-cannot-run"));
        assertThat(refused.jsonPath().getString("detail")).contains("subnet subnet-drill is no longer in the network");

        // It is back.
        synced(second.plusSeconds(60));
        assertThat(findings(preflight(id, "DRILL"), "DRILL_NETWORK_GONE")).isEmpty();
        execute(id, "DRILL").then().statusCode(202);
    }

    @Test
    void launchDriftIsAWarningUntilWhatTheServerWouldLaunchWithMatchesItsGroup() {
        String id = post(plan()).path("id");
        catalog.launching(Map.of(db1, template("subnet-side", null)));

        List<String> drift = findings(preflight(id, null), "LAUNCH_DRIFT");

        assertThat(drift)
                .containsExactly("server " + db1 + " would launch with subnetId subnet-side; its group 'db' says"
                        + " subnet-prod: drs-adapter re-applies the group's launch settings before the wave launches;"
                        + " if this keeps coming back, find what changes the server's launch template or DRS launch"
                        + " configuration");
        JsonPath report = preflight(id, "RECOVERY");
        assertThat(report.getList("warnings", String.class)).containsAll(findings(report, "LAUNCH_DRIFT"));
        assertThat(report.getString("launchChecks[0].sourceServerId")).isEqualTo(db1.value());

        catalog.launching(Map.of(db1, template("subnet-prod", null)));
        assertThat(findings(preflight(id, null), "LAUNCH_DRIFT")).isEmpty();

        // The group now wants subnet-side (and no longer db2's static IP): db1 drifts again, the other way.
        catalog.updateSettings(db, "db", 2, account, REGION, template("subnet-side", null), db1, db2);
        assertThat(findings(preflight(id, "DRILL"), "LAUNCH_DRIFT"))
                .containsExactly("server " + db1 + " would launch with subnetId subnet-prod; its group 'db' says"
                        + " subnet-side: drs-adapter re-applies the group's launch settings before the wave launches;"
                        + " if this keeps coming back, find what changes the server's launch template or DRS launch"
                        + " configuration");
        assertThat(findings(preflight(id, "FAILBACK"), "LAUNCH_DRIFT")).isEmpty();
    }

    @Test
    void preflightNamesAnAccountWithoutDrillNetworkADrillNetworkNotIsolatedAndAStaticIpOutsideIt() {
        synced(Instant.now());
        String id = post(plan()).path("id");
        String missing = "drills of this plan launch the servers of " + account + "/us-east-1 with their production"
                + " launch settings: no drill network is set for it; add one to the plan's drillNetworks to keep"
                + " drills off the production network";

        JsonPath drill = preflight(id, "DRILL");
        assertThat(findings(drill, "NO_DRILL_NETWORK")).containsExactly(missing);
        assertThat(drill.getList("warnings", String.class)).contains(missing);
        JsonPath any = preflight(id, null);
        assertThat(any.getList("information", String.class)).contains(missing);
        assertThat(findings(preflight(id, "RECOVERY"), "NO_DRILL_NETWORK")).isEmpty();

        // A drill subnet in the production VPC: not isolated; db2's static IP is outside it.
        put(id, 1, plan(drillNetwork("subnet-side", "sg-prod"))).then().statusCode(200);
        drill = preflight(id, "DRILL");
        assertThat(findings(drill, "NO_DRILL_NETWORK")).isEmpty();
        assertThat(findings(drill, "DRILL_NETWORK_NOT_ISOLATED"))
                .containsExactly("drill network of " + account + "/us-east-1 (drillNetworks[0]) is not isolated: same"
                        + " VPC vpc-prod as production (server " + db1 + " launches into subnet-prod); use a subnet"
                        + " of a VPC without a route to production");
        assertThat(findings(drill, "STATIC_IP_OUTSIDE_DRILL_SUBNET"))
                .containsExactly("the drill launches server " + db2 + " without its static IP 10.0.1.20: it is not"
                        + " inside drill subnet subnet-side (10.0.9.0/24); the drill instance gets an address of the"
                        + " drill subnet");
        assertThat(drill.getList("information", String.class))
                .containsAll(findings(drill, "STATIC_IP_OUTSIDE_DRILL_SUBNET"));

        // An isolated VPC mirroring production's addresses: both go.
        put(id, 2, plan(drillNetwork("subnet-mirror", "sg-drill"))).then().statusCode(200);
        drill = preflight(id, "DRILL");
        assertThat(drill.getList("launchChecks", Map.class)).isEmpty();
        assertThat(drill.getBoolean("canRun")).isTrue();

        given().queryParam("type", "REHEARSAL")
                .get("/recovery-plans/" + id + "/preflight")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }
}
