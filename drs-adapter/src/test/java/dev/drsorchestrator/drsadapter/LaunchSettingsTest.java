package dev.drsorchestrator.drsadapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.LaunchSettingsApplied;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchSettingsOutcome;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.contracts.model.ServerLaunchSettingsResult;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.drsadapter.application.Dispatcher;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsStore;
import dev.drsorchestrator.kit.aws.AwsClients;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/**
 * Launch settings against devstack's DRS and EC2: a group's settings applied to DRS and the launch templates, a
 * drill launched into its drill network with production restored after, a recovery launched with production
 * settings after someone edited a template, and a switch a crash left behind repaired.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class LaunchSettingsTest extends DevstackTest {

    @Inject
    AwsClients aws;

    @Inject
    LaunchSettingsStore launchStore;

    @Inject
    Dispatcher dispatcher;

    Ec2Client ec2;
    String productionA;
    String productionB;
    String drillSubnet;
    String productionWeb;
    String productionDb;
    String drillGroup;

    @BeforeEach
    void network() {
        ec2 = aws.configure(Ec2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .region(Region.of(devstack.region()))
                .build();
        productionA = subnet("production-a");
        productionB = subnet("production-b");
        drillSubnet = subnet("drill-a");
        productionWeb = group("production-web");
        productionDb = group("production-db");
        drillGroup = group("drill-isolated");
    }

    @Test
    void aGroupsSettingsReachDrsAndTheLaunchTemplateAndEachServerIsReported() {
        List<ServerSnapshot> servers = fleet(2, Criticality.CRITICAL);
        ProtectionGroupId group = ProtectionGroupId.random();

        bus.put(groupUpdated(group, 1, servers, Map.of(servers.get(0).sourceServerId(), "10.0.64.50")), group.value());

        LaunchSettingsApplied applied = awaitApplied(group, 1);
        assertThat(applied.servers())
                .extracting(ServerLaunchSettingsResult::outcome)
                .containsOnly(LaunchSettingsOutcome.APPLIED);
        LaunchTemplateVersion v0 = defaultVersion(servers.get(0));
        assertThat(v0.versionNumber()).isEqualTo(applied.servers().get(0).launchTemplateVersion());
        assertThat(v0.launchTemplateData().instanceTypeAsString()).isEqualTo("m5.large");
        assertThat(v0.launchTemplateData().networkInterfaces().get(0).subnetId())
                .isEqualTo(productionB);
        assertThat(v0.launchTemplateData().networkInterfaces().get(0).groups()).containsExactly(productionDb);
        assertThat(v0.launchTemplateData().networkInterfaces().get(0).privateIpAddress())
                .isEqualTo("10.0.64.50");
        assertThat(defaultVersion(servers.get(1))
                        .launchTemplateData()
                        .networkInterfaces()
                        .get(0)
                        .privateIpAddress())
                .isNull();
        List<CallLog.Call> updates = calls("UpdateLaunchConfiguration");
        assertThat(updates).hasSize(2).allSatisfy(c -> {
            assertThat(c.request().path("copyTags").asBoolean()).isTrue();
            assertThat(c.request().path("targetInstanceTypeRightSizingMethod").asText())
                    .isEqualTo("NONE");
        });

        // The same version again changes nothing; the next version with the same settings finds nothing to do.
        bus.put(groupUpdated(group, 1, servers, Map.of(servers.get(0).sourceServerId(), "10.0.64.50")), group.value());
        bus.put(groupUpdated(group, 2, servers, Map.of(servers.get(0).sourceServerId(), "10.0.64.50")), group.value());
        LaunchSettingsApplied again = awaitApplied(group, 2);
        assertThat(again.servers())
                .extracting(ServerLaunchSettingsResult::outcome)
                .containsOnly(LaunchSettingsOutcome.UNCHANGED);
        assertThat(bus.all(
                        LaunchSettingsApplied.class, e -> e.protectionGroupId().equals(group)))
                .hasSize(2);
        assertThat(calls("UpdateLaunchConfiguration")).hasSize(2);
        assertThat(defaultVersion(servers.get(0)).versionNumber()).isEqualTo(v0.versionNumber());
    }

    @Test
    void aDrillLandsInItsDrillNetworkAndTheTemplateReturnsToProductionAfterwards() {
        List<ServerSnapshot> servers = fleet(2, Criticality.CRITICAL);
        ProtectionGroupId group = ProtectionGroupId.random();
        bus.put(groupUpdated(group, 1, servers, Map.of(servers.get(0).sourceServerId(), "10.0.64.61")), group.value());
        awaitApplied(group, 1);
        long production = defaultVersion(servers.get(0)).versionNumber();

        ExecutionId drill = ExecutionId.random();
        DrillNetwork network =
                new DrillNetwork(AccountId.of(devstack.account()), devstack.region(), drillSubnet, List.of(drillGroup));
        request(launch(drill, ExecutionType.DRILL, servers, List.of(network)));
        List<RecoveryJobStateChanged> done = awaitCompleted(drill, servers.size());

        for (Instance instance : instancesOf(done)) {
            assertThat(instance.subnetId()).isEqualTo(drillSubnet).isNotIn(productionA, productionB);
            assertThat(instance.securityGroups()).extracting(g -> g.groupId()).containsExactly(drillGroup);
            // 10.0.64.61 is not in the drill subnet (10.0.0.0/18): the drill instance takes a free address there.
            assertThat(new SubnetInfo(drillSubnet, "vpc", "10.0.0.0/18", null, null)
                            .contains(instance.privateIpAddress()))
                    .as("%s in the drill subnet", instance.privateIpAddress())
                    .isTrue();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(defaultVersion(servers.get(0)).versionNumber()).isEqualTo(production);
            assertThat(launchStore.overrides())
                    .noneMatch(o -> ids(servers).contains(o.server().value()));
        });
        LaunchTemplateVersion after = defaultVersion(servers.get(0));
        assertThat(after.launchTemplateData().networkInterfaces().get(0).subnetId())
                .isEqualTo(productionB);
        assertThat(after.launchTemplateData().networkInterfaces().get(0).privateIpAddress())
                .isEqualTo("10.0.64.61");
    }

    @Test
    void aRecoveryUsesTheGroupsProductionSettingsEvenAfterSomeoneEditedTheTemplate() {
        List<ServerSnapshot> servers = fleet(1, Criticality.CRITICAL);
        ProtectionGroupId group = ProtectionGroupId.random();
        bus.put(groupUpdated(group, 1, servers, Map.of(servers.get(0).sourceServerId(), "10.0.64.71")), group.value());
        awaitApplied(group, 1);
        // Someone moves the server to production-a by hand, outside the orchestrator.
        LaunchTemplateVersion current = defaultVersion(servers.get(0));
        long edited = ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(current.launchTemplateId())
                        .sourceVersion(Long.toString(current.versionNumber()))
                        .launchTemplateData(d -> d.networkInterfaces(
                                n -> n.deviceIndex(0).subnetId(productionA).groups(productionWeb))))
                .launchTemplateVersion()
                .versionNumber();
        ec2.modifyLaunchTemplate(
                r -> r.launchTemplateId(current.launchTemplateId()).defaultVersion(Long.toString(edited)));

        ExecutionId recovery = ExecutionId.random();
        request(launch(recovery, ExecutionType.RECOVERY, servers, List.of()));
        List<RecoveryJobStateChanged> done = awaitCompleted(recovery, 1);

        Instance instance = instancesOf(done).get(0);
        assertThat(instance.subnetId()).isEqualTo(productionB);
        assertThat(instance.privateIpAddress()).isEqualTo("10.0.64.71");
        assertThat(instance.securityGroups()).extracting(g -> g.groupId()).containsExactly(productionDb);
        assertThat(defaultVersion(servers.get(0)).versionNumber()).isGreaterThan(edited);
    }

    @Test
    void aTemplateACrashLeftInItsDrillNetworkIsSwitchedBack() {
        List<ServerSnapshot> servers = fleet(1, Criticality.CRITICAL);
        LaunchTemplateVersion production = defaultVersion(servers.get(0));
        long drillVersion = ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(production.launchTemplateId())
                        .sourceVersion(Long.toString(production.versionNumber()))
                        .launchTemplateData(d -> d.networkInterfaces(
                                n -> n.deviceIndex(0).subnetId(drillSubnet).groups(drillGroup))))
                .launchTemplateVersion()
                .versionNumber();
        // The switch was written down, the template switched, and the process died before the job was recorded.
        launchStore.putOverride(new LaunchSettingsStore.TemplateOverride(
                servers.get(0).sourceServerId(),
                devstack.account(),
                devstack.region(),
                production.launchTemplateId(),
                production.versionNumber(),
                "JOB#exec-gone#wave#1#1",
                Instant.now()));
        ec2.modifyLaunchTemplate(
                r -> r.launchTemplateId(production.launchTemplateId()).defaultVersion(Long.toString(drillVersion)));

        dispatcher.tick();

        assertThat(defaultVersion(servers.get(0)).versionNumber()).isEqualTo(production.versionNumber());
        assertThat(launchStore.override(servers.get(0).sourceServerId())).isEmpty();
    }

    @Test
    void aSyncPublishesTheNetworkOnceAndWhatEachServerWouldLaunchWith() {
        List<ServerSnapshot> servers = fleet(1, Criticality.CRITICAL);
        // A new subnet: the network changed since any earlier sync.
        String vpc = ec2.describeSubnets(r -> r.subnetIds(productionA))
                .subnets()
                .get(0)
                .vpcId();
        String added = ec2.createSubnet(r -> r.vpcId(vpc)
                        .cidrBlock("10.0." + (128 + (int) (Math.random() * 120)) + ".0/24")
                        .availabilityZone(devstack.region() + "a"))
                .subnet()
                .subnetId();

        given().when().post("/drs/accounts/sync").then().statusCode(200);

        NetworkInventoryChanged network = bus.awaitEvent(
                NetworkInventoryChanged.class,
                e -> e.accountId().value().equals(devstack.account())
                        && e.subnets().stream().anyMatch(s -> s.subnetId().equals(added)));
        assertThat(network.subnets()).extracting(s -> s.subnetId()).contains(productionA, productionB, drillSubnet);
        assertThat(network.securityGroups()).extracting(g -> g.groupId()).contains(productionDb, drillGroup);
        assertThat(network.instanceTypes()).contains("m5.large", "t3.small");
        SourceServerState seen = bus.all(SourceServerInventoryChanged.class, e -> true).stream()
                .flatMap(e -> e.servers().stream())
                .filter(s -> s.sourceServerId().equals(servers.get(0).sourceServerId()))
                .findFirst()
                .orElseThrow();
        assertThat(seen.launchSettings()).isNotNull();
        assertThat(seen.launchSettings().template().subnetId()).isEqualTo(productionA);
        assertThat(seen.launchSettings().template().instanceType()).isEqualTo("t3.small");
        assertThat(seen.launchSettings().configuration().targetInstanceTypeRightSizingMethod())
                .isEqualTo(RightSizingMethod.BASIC);

        given().when().post("/drs/accounts/sync").then().statusCode(200);
        given().when().post("/drs/accounts/sync").then().statusCode(200);
        assertThat(bus.all(
                        NetworkInventoryChanged.class,
                        e -> e.accountId().value().equals(devstack.account())))
                .hasSize(1);
    }

    // ---- helpers

    private ProtectionGroupUpdated groupUpdated(
            ProtectionGroupId group, long version, List<ServerSnapshot> servers, Map<SourceServerId, String> ips) {
        LaunchSettings settings = new LaunchSettings(
                new LaunchConfiguration(null, true, null, null, RightSizingMethod.NONE, null),
                new LaunchTemplateSettings("m5.large", productionB, List.of(productionDb), null, null));
        List<ServerLaunchSettings> overrides = ips.entrySet().stream()
                .map(e -> new ServerLaunchSettings(
                        e.getKey(),
                        new LaunchSettings(null, new LaunchTemplateSettings(null, null, null, e.getValue(), null))))
                .toList();
        List<SourceServerId> members =
                servers.stream().map(ServerSnapshot::sourceServerId).toList();
        return new ProtectionGroupUpdated(
                group,
                "g-" + UUID.randomUUID().toString().substring(0, 8),
                null,
                AccountId.of(devstack.account()),
                devstack.region(),
                null,
                members,
                Map.of(),
                members,
                List.of(),
                ProtectionGroupChangeReason.USER_UPDATE,
                version,
                settings,
                overrides);
    }

    private LaunchSettingsApplied awaitApplied(ProtectionGroupId group, long version) {
        return bus.awaitEvent(
                LaunchSettingsApplied.class, e -> e.protectionGroupId().equals(group) && e.groupVersion() == version);
    }

    private static WaveLaunchRequested launch(
            ExecutionId execution, ExecutionType type, List<ServerSnapshot> servers, List<DrillNetwork> networks) {
        return new WaveLaunchRequested(
                execution,
                PlanId.of("plan-" + UUID.randomUUID()),
                WaveId.of("w"),
                1,
                type,
                type == ExecutionType.DRILL,
                null,
                servers,
                null,
                null,
                networks);
    }

    private List<Instance> instancesOf(List<RecoveryJobStateChanged> done) {
        List<String> ids = done.stream()
                .flatMap(e -> e.servers().stream())
                .filter(s -> s.ec2InstanceId() != null)
                .map(s -> s.ec2InstanceId().value())
                .distinct()
                .toList();
        assertThat(ids).isNotEmpty();
        return ec2.describeInstances(r -> r.instanceIds(ids)).reservations().stream()
                .flatMap(r -> r.instances().stream())
                .toList();
    }

    private LaunchTemplateVersion defaultVersion(ServerSnapshot server) {
        String template = drsLaunchTemplate(server.sourceServerId());
        return ec2.describeLaunchTemplateVersions(
                        r -> r.launchTemplateId(template).versions("$Default"))
                .launchTemplateVersions()
                .get(0);
    }

    private String drsLaunchTemplate(SourceServerId server) {
        return drs.call(
                        "GetLaunchConfiguration",
                        new dev.drsorchestrator.devstack.drs.DrsSimulator.Scope(devstack.account(), devstack.region()),
                        (com.fasterxml.jackson.databind.node.ObjectNode)
                                new com.fasterxml.jackson.databind.ObjectMapper()
                                        .createObjectNode()
                                        .put("sourceServerID", server.value()))
                .path("ec2LaunchTemplateID")
                .asText();
    }

    private String subnet(String name) {
        return ec2.describeSubnets(r ->
                        r.filters(Filter.builder().name("tag:Name").values(name).build()))
                .subnets()
                .get(0)
                .subnetId();
    }

    private String group(String name) {
        return ec2
                .describeSecurityGroups(r -> r.filters(
                        Filter.builder().name("group-name").values(name).build()))
                .securityGroups()
                .stream()
                .filter(g -> g.vpcId() != null)
                .findFirst()
                .orElseThrow()
                .groupId();
    }
}
