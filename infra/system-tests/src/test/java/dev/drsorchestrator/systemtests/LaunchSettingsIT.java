package dev.drsorchestrator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.LocalSystem;
import dev.drsorchestrator.local.Rest;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/**
 * Scenario 8: where recovery instances land. A group's launch settings (instance type, production subnet and
 * security group, a static private IP per server) are applied to DRS and the servers' launch templates; a drill lands
 * in the plan's isolated drill subnet while the production settings stay as they are; someone edits a template by
 * hand, preflight shows the drift, and the recovery re-applies the group's settings and lands each server on its
 * static IP. Checked the way an operator would: EC2's {@code DescribeInstances} and the launch templates.
 */
@ExtendWith(TheSystem.Extension.class)
class LaunchSettingsIT {

    private static final String ACCOUNT = LocalSystem.ACCOUNT;
    private static final String REGION = LocalSystem.REGION;

    private Ec2Client ec2;
    private JsonNode network;

    @BeforeEach
    void ec2(TheSystem system) {
        ec2 = Ec2Client.builder()
                .endpointOverride(URI.create(system.local.url(Component.DEVSTACK)))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        network = new Rest()
                .get(system.local.url(Component.DEVSTACK) + "/_devstack/ec2/" + ACCOUNT + "/" + REGION + "/network")
                .expect(200)
                .json();
    }

    @Test
    void aDrillLandsInTheIsolatedDrillSubnetAndProductionSettingsStayUntouched(TheSystem system) {
        List<Server> servers = system.synced(system.fleet("lsd-", 2, List.of(ACCOUNT), List.of("db")));
        String group = system.group("lsd-db", servers);
        applySettings(system, group, servers, List.of("10.0.64.21", "10.0.64.22"));
        Map<String, LaunchTemplateVersion> production = new HashMap<>();
        servers.forEach(s -> production.put(s.id(), defaultVersion(s.id())));
        production.values().forEach(v -> assertProduction(v));

        ObjectNode plan = TheSystem.plan("lsd-plan", 600, Estate.wave("db", 1, "FAIL_FAST", List.of(group)));
        plan.putArray("drillNetworks")
                .addObject()
                .put("accountId", ACCOUNT)
                .put("region", REGION)
                .put("subnetId", text("drillSubnetA"))
                .putArray("securityGroupIds")
                .add(text("drillIsolatedGroup"));
        String planId = system.estate.plan(plan, Duration.ofSeconds(30));

        String drill = system.estate.execute(planId, "DRILL", "system test: drill in the isolated network");
        JsonNode done = system.awaitStatus(drill, "COMPLETED", Duration.ofSeconds(90));

        List<Instance> instances = instancesOf(done);
        assertThat(instances).hasSize(2);
        for (Instance i : instances) {
            assertThat(i.subnetId())
                    .as("drill instance %s lands in the drill subnet, never in production", i.instanceId())
                    .isEqualTo(text("drillSubnetA"))
                    .isNotIn(text("productionSubnetA"), text("productionSubnetB"));
            assertThat(i.vpcId()).isEqualTo(text("drillVpc"));
            assertThat(i.securityGroups()).extracting(g -> g.groupId()).containsExactly(text("drillIsolatedGroup"));
            assertThat(i.instanceTypeAsString()).isEqualTo("m5.large");
        }
        // Production settings: the same default versions, saying what they said before the drill.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        servers.forEach(s -> assertThat(defaultVersion(s.id()).versionNumber())
                                .as("default version of %s's launch template after the drill", s.id())
                                .isEqualTo(production.get(s.id()).versionNumber())));
        servers.forEach(s -> assertProduction(defaultVersion(s.id())));
    }

    @Test
    void anEditedTemplateShowsAsDriftAndTheRecoveryReappliesTheGroupsSettingsWithStaticIps(TheSystem system) {
        List<Server> servers = system.synced(system.fleet("lsr-", 2, List.of(ACCOUNT), List.of("app")));
        String group = system.group("lsr-app", servers);
        List<String> ips = List.of("10.0.64.31", "10.0.64.32");
        applySettings(system, group, servers, ips);
        String planId = system.estate.plan(
                TheSystem.plan("lsr-plan", 600, Estate.wave("app", 1, "FAIL_FAST", List.of(group))),
                Duration.ofSeconds(30));

        // Someone moves the first server to production-a by hand, outside the orchestrator.
        String edited = servers.get(0).id();
        LaunchTemplateVersion before = defaultVersion(edited);
        long handmade = ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(before.launchTemplateId())
                        .sourceVersion(Long.toString(before.versionNumber()))
                        .launchTemplateData(d -> d.networkInterfaces(n -> n.deviceIndex(0)
                                .subnetId(text("productionSubnetA"))
                                .groups(text("productionWebGroup")))))
                .launchTemplateVersion()
                .versionNumber();
        ec2.modifyLaunchTemplate(
                r -> r.launchTemplateId(before.launchTemplateId()).defaultVersion(Long.toString(handmade)));
        system.estate.syncInventory(servers, Duration.ofSeconds(30));

        JsonNode drift = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> driftFindings(system, planId, edited), found -> !found.isEmpty())
                .get(0);
        assertThat(drift.path("severity").asText()).isEqualTo("WARNING");
        assertThat(drift.path("detail").asText())
                .contains("server " + edited + " would launch with subnetId " + text("productionSubnetA"))
                .contains(text("productionSubnetB"));

        String recovery = system.approvedRecovery(planId, null);
        JsonNode done = system.awaitStatus(recovery, "COMPLETED", Duration.ofSeconds(90));

        Map<String, Instance> bySource = new HashMap<>();
        for (JsonNode s : TheSystem.servers(done)) {
            Instance i = instance(s.path("ec2InstanceId").asText());
            bySource.put(s.path("sourceServerId").asText(), i);
        }
        for (int n = 0; n < servers.size(); n++) {
            Instance i = bySource.get(servers.get(n).id());
            assertThat(i.subnetId()).isEqualTo(text("productionSubnetB"));
            assertThat(i.privateIpAddress()).isEqualTo(ips.get(n));
            assertThat(i.securityGroups()).extracting(g -> g.groupId()).containsExactly(text("productionDbGroup"));
            assertThat(i.instanceTypeAsString()).isEqualTo("m5.large");
        }
        assertThat(defaultVersion(edited).versionNumber()).isGreaterThan(handmade);
        assertProduction(defaultVersion(edited));

        // The next sync sees the template as the group wants it: the drift is gone from preflight.
        system.estate.syncInventory(servers, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> driftFindings(system, planId, edited), List::isEmpty);
    }

    // ---- helpers

    /**
     * PUTs the group's launch settings (m5.large, production-b, production-db, one static IP per server) once
     * catalog-service knows the network, and waits until drs-adapter reports each server's settings applied.
     */
    private void applySettings(TheSystem system, String group, List<Server> servers, List<String> ips) {
        ObjectNode body = Rest.object();
        ObjectNode settings = body.putObject("group");
        settings.putObject("configuration").put("targetInstanceTypeRightSizingMethod", "NONE");
        settings.putObject("template")
                .put("instanceType", "m5.large")
                .put("subnetId", text("productionSubnetB"))
                .putArray("securityGroupIds")
                .add(text("productionDbGroup"));
        for (int n = 0; n < servers.size(); n++) {
            body.withArray("servers")
                    .addObject()
                    .put("sourceServerId", servers.get(n).id())
                    .putObject("settings")
                    .putObject("template")
                    .put("privateIp", ips.get(n));
        }
        String url = system.estate.url(Component.CATALOG, "/protection-groups/" + group + "/launch-settings");
        Rest planner = system.users.rest("planner");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    long version = planner.get(system.estate.url(Component.CATALOG, "/protection-groups/" + group))
                            .expect(200)
                            .json()
                            .path("version")
                            .asLong();
                    Rest.Response answer = planner.put(url, body.deepCopy().put("version", version));
                    if (answer.status() == 400 && answer.body().contains("has not synced the network")) {
                        return false;
                    }
                    answer.expect(200);
                    return true;
                });
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode view = planner.get(url).expect(200).json();
                    assertThat(view.path("members")).hasSize(servers.size());
                    view.path("members")
                            .forEach(m -> assertThat(m.path("lastApplied")
                                            .path("outcome")
                                            .asText())
                                    .as("lastApplied of %s", m)
                                    .isEqualTo("APPLIED"));
                });
    }

    /** Production as the group wants it: production-b, production-db, m5.large, and a static IP. */
    private void assertProduction(LaunchTemplateVersion v) {
        var nic = v.launchTemplateData().networkInterfaces().get(0);
        assertThat(nic.subnetId()).isEqualTo(text("productionSubnetB"));
        assertThat(nic.groups()).containsExactly(text("productionDbGroup"));
        assertThat(nic.privateIpAddress()).startsWith("10.0.64.");
        assertThat(v.launchTemplateData().instanceTypeAsString()).isEqualTo("m5.large");
    }

    private List<JsonNode> driftFindings(TheSystem system, String planId, String server) {
        JsonNode report = system.rest
                .get(system.estate.url(Component.PLAN, "/recovery-plans/" + planId + "/preflight?type=RECOVERY"))
                .expect(200)
                .json();
        return StreamSupport.stream(report.path("launchChecks").spliterator(), false)
                .filter(f -> f.path("check").asText().equals("LAUNCH_DRIFT")
                        && f.path("sourceServerId").asText().equals(server)
                        && f.path("detail").asText().contains("subnetId"))
                .toList();
    }

    private List<Instance> instancesOf(JsonNode execution) {
        return TheSystem.servers(execution).stream()
                .map(s -> instance(s.path("ec2InstanceId").asText()))
                .toList();
    }

    private Instance instance(String id) {
        assertThat(id).as("an EC2 instance id").startsWith("i-");
        return ec2.describeInstances(r -> r.instanceIds(id))
                .reservations()
                .get(0)
                .instances()
                .get(0);
    }

    private LaunchTemplateVersion defaultVersion(String sourceServerId) {
        LaunchTemplate template = ec2.describeLaunchTemplates(r -> r.launchTemplateNames("drs-" + sourceServerId))
                .launchTemplates()
                .get(0);
        return ec2.describeLaunchTemplateVersions(
                        r -> r.launchTemplateId(template.launchTemplateId()).versions("$Default"))
                .launchTemplateVersions()
                .get(0);
    }

    private String text(String field) {
        String value = network.path(field).asText(null);
        assertThat(value).as("devstack's seeded network has %s", field).isNotNull();
        return value;
    }
}
