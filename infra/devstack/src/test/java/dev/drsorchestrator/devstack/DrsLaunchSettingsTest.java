package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.devstack.ec2.Ec2;
import dev.drsorchestrator.devstack.ec2.Instances;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.GetLaunchConfigurationResponse;
import software.amazon.awssdk.services.drs.model.Job;
import software.amazon.awssdk.services.drs.model.JobLog;
import software.amazon.awssdk.services.drs.model.JobStatus;
import software.amazon.awssdk.services.drs.model.LaunchDisposition;
import software.amazon.awssdk.services.drs.model.LaunchStatus;
import software.amazon.awssdk.services.drs.model.ParticipatingServer;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;
import software.amazon.awssdk.services.drs.model.TargetInstanceTypeRightSizingMethod;
import software.amazon.awssdk.services.drs.model.ValidationException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The DRS simulator's launch settings and where its recovery instances land in EC2, through the real DrsClient and
 * Ec2Client: launch configurations, the launch template's default version read when the instance is launched,
 * private IPs, tags, disposition, right-sizing, unusable templates, termination.
 */
@ExtendWith(DevstackExtension.class)
class DrsLaunchSettingsTest {
    private static final DrsSettings.Timings FAST = new DrsSettings.Timings(20, 10, 30, 80, 20);

    private final Devstack devstack;
    private final Clients clients;
    private final DrsClient drs;
    private final Ec2Client ec2;
    private Ec2.SeededNetwork net;

    DrsLaunchSettingsTest(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
        this.drs = clients.drs();
        this.ec2 = clients.ec2();
    }

    @BeforeEach
    void reset() {
        devstack.reset();
        devstack.drs().timings(FAST);
        net = Ec2.seededNetwork(devstack.account(), devstack.region());
    }

    /** web-0001 (t3.medium recommended), app-0002 (m5.large), db-0003 (r5.xlarge) … */
    private List<String> fleet(int count, String region, String prefix) {
        return devstack.drs().generateFleet(new DrsSimulator.FleetSpec(count, null, region, null, 0, prefix)).stream()
                .map(s -> s.path("sourceServerID").asText())
                .toList();
    }

    private String template(String serverId) {
        return drs.getLaunchConfiguration(b -> b.sourceServerID(serverId)).ec2LaunchTemplateID();
    }

    /** A new version of the server's template, made from version 1 with {@code data} over it, made the default. */
    private long setDefault(Ec2Client client, String serverId, Consumer<RequestLaunchTemplateData.Builder> data) {
        String lt = drs.getLaunchConfiguration(b -> b.sourceServerID(serverId)).ec2LaunchTemplateID();
        long v = client.createLaunchTemplateVersion(
                        b -> b.launchTemplateId(lt).sourceVersion("1").launchTemplateData(data))
                .launchTemplateVersion()
                .versionNumber();
        client.modifyLaunchTemplate(b -> b.launchTemplateId(lt).defaultVersion(String.valueOf(v)));
        return v;
    }

    private static Consumer<RequestLaunchTemplateData.Builder> nic(String subnet, String ip, String... groups) {
        return d -> d.networkInterfaces(LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.builder()
                .deviceIndex(0)
                .subnetId(subnet)
                .groups(groups)
                .privateIpAddress(ip)
                .build());
    }

    private Job start(DrsClient client, boolean drill, String... ids) {
        return client.startRecovery(b -> b.isDrill(drill)
                        .sourceServers(Arrays.stream(ids)
                                .map(id -> StartRecoveryRequestSourceServer.builder()
                                        .sourceServerID(id)
                                        .build())
                                .toList()))
                .job();
    }

    private Job awaitCompleted(DrsClient client, String jobId) {
        Job[] job = new Job[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    job[0] = client.describeJobs(b -> b.filters(f -> f.jobIDs(jobId)))
                            .items()
                            .get(0);
                    return job[0].status() == JobStatus.COMPLETED;
                });
        return job[0];
    }

    private Job launch(boolean drill, String... ids) {
        return awaitCompleted(drs, start(drs, drill, ids).jobID());
    }

    private static Map<String, ParticipatingServer> byServer(Job job) {
        return job.participatingServers().stream()
                .collect(Collectors.toMap(ParticipatingServer::sourceServerID, p -> p));
    }

    /** The EC2 instance of a server's recovery instance in {@code job}, as DescribeInstances shows it. */
    private Instance instance(Ec2Client client, Job job, String serverId) {
        ParticipatingServer p = byServer(job).get(serverId);
        assertThat(p.launchStatus()).as("launch of " + serverId).isEqualTo(LaunchStatus.LAUNCHED);
        String ec2Id = drs.describeRecoveryInstances(b -> b.filters(f -> f.recoveryInstanceIDs(p.recoveryInstanceID())))
                .items()
                .get(0)
                .ec2InstanceID();
        return client.describeInstances(b -> b.instanceIds(ec2Id))
                .reservations()
                .get(0)
                .instances()
                .get(0);
    }

    private static Map<String, String> tags(Instance i) {
        Map<String, String> out = new HashMap<>();
        i.tags().forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    private String rawError(String jobId, String serverId) {
        return drs.describeJobLogItems(b -> b.jobID(jobId)).items().stream()
                .filter(l -> l.event().toString().equals("LAUNCH_FAILED")
                        && serverId.equals(l.eventData().sourceServerID()))
                .map(JobLog::eventData)
                .map(d -> d.rawError())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void launchConfigurationDefaultsAndUpdateRoundTrip() {
        String id = fleet(1, null, "").get(0);
        GetLaunchConfigurationResponse c = drs.getLaunchConfiguration(b -> b.sourceServerID(id));
        assertThat(c.sourceServerID()).isEqualTo(id);
        assertThat(c.name()).isEqualTo("web-0001");
        assertThat(c.launchDisposition()).isEqualTo(LaunchDisposition.STARTED);
        assertThat(c.targetInstanceTypeRightSizingMethod()).isEqualTo(TargetInstanceTypeRightSizingMethod.BASIC);
        assertThat(c.copyPrivateIp()).isFalse();
        assertThat(c.copyTags()).isFalse();
        assertThat(c.licensing().osByol()).isFalse();
        assertThat(c.postLaunchEnabled()).isFalse();

        // the server's own launch template, drs-<id>, default version 1
        var lt = ec2.describeLaunchTemplates(b -> b.launchTemplateNames("drs-" + id))
                .launchTemplates()
                .get(0);
        assertThat(lt.launchTemplateId()).isEqualTo(c.ec2LaunchTemplateID());
        assertThat(lt.defaultVersionNumber()).isEqualTo(1L);
        var data = ec2.describeLaunchTemplateVersions(
                        b -> b.launchTemplateId(lt.launchTemplateId()).versions("$Default"))
                .launchTemplateVersions()
                .get(0)
                .launchTemplateData();
        assertThat(data.instanceTypeAsString()).isEqualTo("t3.small");
        assertThat(data.networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.deviceIndex()).isZero();
            assertThat(n.subnetId()).isEqualTo(net.productionSubnetA());
            assertThat(n.groups()).containsExactly(net.productionWebGroup());
            assertThat(n.privateIpAddress()).isNull();
        });

        var updated = drs.updateLaunchConfiguration(b -> b.sourceServerID(id)
                .copyPrivateIp(true)
                .launchDisposition(LaunchDisposition.STOPPED)
                .licensing(l -> l.osByol(true)));
        assertThat(updated.copyPrivateIp()).isTrue();
        assertThat(updated.launchDisposition()).isEqualTo(LaunchDisposition.STOPPED);
        assertThat(updated.licensing().osByol()).isTrue();
        assertThat(updated.copyTags()).isFalse();
        assertThat(updated.targetInstanceTypeRightSizingMethod()).isEqualTo(TargetInstanceTypeRightSizingMethod.BASIC);
        assertThat(updated.ec2LaunchTemplateID()).isEqualTo(c.ec2LaunchTemplateID());
        assertThat(updated.name()).isEqualTo("web-0001");

        assertThatThrownBy(() -> drs.updateLaunchConfiguration(
                        b -> b.sourceServerID(id).copyTags(true).targetInstanceTypeRightSizingMethod("HUGE")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldList())
                            .extracting(f -> f.name())
                            .containsExactly("targetInstanceTypeRightSizingMethod");
                    assertThat(e.getMessage()).contains("HUGE");
                });
        assertThatThrownBy(() ->
                        drs.updateLaunchConfiguration(b -> b.sourceServerID(id).launchDisposition("SIDEWAYS")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("launchDisposition"));
        // a refused update changes nothing
        GetLaunchConfigurationResponse after = drs.getLaunchConfiguration(b -> b.sourceServerID(id));
        assertThat(after.copyTags()).isFalse();
        assertThat(after.launchDisposition()).isEqualTo(LaunchDisposition.STOPPED);
        assertThat(after.targetInstanceTypeRightSizingMethod()).isEqualTo(TargetInstanceTypeRightSizingMethod.BASIC);

        assertThatThrownBy(() -> drs.getLaunchConfiguration(b -> b.sourceServerID("s-00000000000000000")))
                .isInstanceOf(ValidationException.class);
        // the server's own IP, as DRS reports it
        assertThat(drs.describeSourceServers(b -> b.filters(f -> f.sourceServerIDs(id)))
                        .items()
                        .get(0)
                        .sourceProperties()
                        .networkInterfaces()
                        .get(0)
                        .ips())
                .singleElement()
                .asString()
                .matches("10\\.0\\.1\\.\\d+");
    }

    @Test
    void aDrillLandsWhereTheDefaultVersionPointsWhenTheInstanceIsLaunched() {
        devstack.drs().timings(new DrsSettings.Timings(0, 0, 1500, 1500, 0));
        String id = fleet(1, null, "").get(0);
        String lt = template(id);
        Job job = start(drs, true, id);
        // after StartRecovery, before the instance is launched: the orchestrator points the template at the drill
        setDefault(ec2, id, nic(net.drillSubnetA(), null, net.drillIsolatedGroup()));
        assertThat(drs.describeJobs(b -> b.filters(f -> f.jobIDs(job.jobID())))
                        .items()
                        .get(0)
                        .participatingServers()
                        .get(0)
                        .launchStatus())
                .isIn(LaunchStatus.PENDING, LaunchStatus.IN_PROGRESS);
        Job done = awaitCompleted(drs, job.jobID());
        // and restores it once the job ended
        ec2.modifyLaunchTemplate(b -> b.launchTemplateId(lt).defaultVersion("1"));

        Instance i = instance(ec2, done, id);
        assertThat(i.subnetId()).isEqualTo(net.drillSubnetA());
        assertThat(i.vpcId()).isEqualTo(net.drillVpc());
        assertThat(i.securityGroups())
                .extracting(GroupIdentifier::groupId, GroupIdentifier::groupName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(net.drillIsolatedGroup(), "drill-isolated"));
        assertThat(i.privateIpAddress()).isEqualTo("10.0.0.4");
        assertThat(i.placement().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(i.state().name()).isEqualTo(InstanceStateName.RUNNING);
        assertThat(i.instanceTypeAsString()).isEqualTo("t3.medium"); // BASIC right-sizing: the recommended type
        assertThat(tags(i)).containsEntry("AWSElasticDisasterRecoveryManaged", "drs.amazonaws.com");
        assertThat(i.launchTime()).isNotNull();
        // still there, in the drill network, after the template was restored
        assertThat(ec2.describeInstances(b -> b.filters(
                                Filter.builder()
                                        .name("subnet-id")
                                        .values(net.drillSubnetA())
                                        .build(),
                                Filter.builder()
                                        .name("instance-state-name")
                                        .values("running")
                                        .build()))
                        .reservations())
                .hasSize(1);
    }

    @Test
    void privateIpTagsDispositionAndInstanceTypeFollowTheSettings() {
        List<String> ids = fleet(3, null, "");
        String fixed = ids.get(0); // template IP, STOPPED, right-sizing NONE
        String copied = ids.get(1); // copyPrivateIp, copyTags
        String next = ids.get(2); // defaults
        String copiedIp = drs.describeSourceServers(b -> b.filters(f -> f.sourceServerIDs(copied)))
                .items()
                .get(0)
                .sourceProperties()
                .networkInterfaces()
                .get(0)
                .ips()
                .get(0);
        String fixedIp = copiedIp.equals("10.0.1.200") ? "10.0.1.201" : "10.0.1.200";
        setDefault(
                ec2,
                fixed,
                nic(net.productionSubnetA(), fixedIp, net.productionDbGroup())
                        .andThen(d -> d.instanceType("m5.xlarge")
                                .tagSpecifications(t -> t.resourceType("instance")
                                        .tags(Tag.builder()
                                                .key("Role")
                                                .value("db")
                                                .build()))));
        drs.updateLaunchConfiguration(b -> b.sourceServerID(fixed)
                .launchDisposition(LaunchDisposition.STOPPED)
                .targetInstanceTypeRightSizingMethod(TargetInstanceTypeRightSizingMethod.NONE));
        drs.updateLaunchConfiguration(
                b -> b.sourceServerID(copied).copyPrivateIp(true).copyTags(true));

        Job first = launch(true, fixed, copied);
        Instance f = instance(ec2, first, fixed);
        assertThat(f.privateIpAddress()).isEqualTo(fixedIp);
        assertThat(f.instanceTypeAsString()).isEqualTo("m5.xlarge");
        assertThat(f.state().name()).isEqualTo(InstanceStateName.STOPPED);
        assertThat(f.securityGroups()).extracting(GroupIdentifier::groupName).containsExactly("production-db");
        assertThat(tags(f))
                .containsEntry("Role", "db")
                .containsEntry("AWSElasticDisasterRecoveryManaged", "drs.amazonaws.com")
                .doesNotContainKey("Tier");
        assertThat(drs.describeRecoveryInstances(b -> b.filters(x -> x.sourceServerIDs(fixed)))
                        .items()
                        .get(0)
                        .ec2InstanceStateAsString())
                .isEqualTo("STOPPED");

        Instance c = instance(ec2, first, copied);
        assertThat(c.privateIpAddress()).isEqualTo(copiedIp);
        assertThat(c.instanceTypeAsString()).isEqualTo("m5.large"); // app-0002, BASIC
        assertThat(c.subnetId()).isEqualTo(net.productionSubnetA());
        assertThat(c.securityGroups()).extracting(GroupIdentifier::groupName).containsExactly("production-web");
        assertThat(tags(c))
                .containsEntry("Tier", "app")
                .containsEntry("Name", "app-0002")
                .containsEntry("AWSElasticDisasterRecoveryManaged", "drs.amazonaws.com");
        assertThat(c.state().name()).isEqualTo(InstanceStateName.RUNNING);

        Job second = launch(false, next);
        Instance n = instance(ec2, second, next);
        long expected = 4;
        while (List.of(fixedIp, copiedIp).contains("10.0.0." + expected)) {
            expected++;
        }
        assertThat(n.privateIpAddress()).isEqualTo("10.0.0." + expected);
        assertThat(n.instanceTypeAsString()).isEqualTo("r5.xlarge");
        assertThat(tags(n)).containsOnlyKeys("AWSElasticDisasterRecoveryManaged");

        // private-ip-address and tag filters find them
        assertThat(ec2.describeInstances(b -> b.filters(Filter.builder()
                                .name("private-ip-address")
                                .values(fixedIp)
                                .build()))
                        .reservations())
                .singleElement()
                .satisfies(r -> assertThat(r.instances().get(0).instanceId()).isEqualTo(f.instanceId()));
        assertThat(ec2.describeInstances(b -> b.filters(
                                Filter.builder().name("tag:Tier").values("app").build()))
                        .reservations())
                .hasSize(1);
    }

    @Test
    void anUnusableTemplateFailsThatServersLaunchWithTheReasonWhileOthersLaunch() {
        List<String> ids = fleet(6, null, "");
        String holder = ids.get(0);
        setDefault(ec2, holder, nic(net.productionSubnetA(), "10.0.1.60", net.productionWebGroup()));
        launch(true, holder);

        String unknownSubnet = ids.get(1);
        String foreignGroup = ids.get(2);
        String outside = ids.get(3);
        String held = ids.get(4);
        String fine = ids.get(5);
        setDefault(ec2, unknownSubnet, nic("subnet-0000000000000000a", null, net.productionWebGroup()));
        setDefault(ec2, foreignGroup, nic(net.productionSubnetA(), null, net.drillIsolatedGroup()));
        setDefault(ec2, outside, nic(net.productionSubnetA(), "10.0.99.9", net.productionWebGroup()));
        setDefault(ec2, held, nic(net.productionSubnetA(), "10.0.1.60", net.productionWebGroup()));

        Job job = launch(true, unknownSubnet, foreignGroup, outside, held, fine);
        Map<String, ParticipatingServer> p = byServer(job);
        assertThat(p.get(fine).launchStatus()).isEqualTo(LaunchStatus.LAUNCHED);
        for (String failed : List.of(unknownSubnet, foreignGroup, outside, held)) {
            assertThat(p.get(failed).launchStatus()).as(failed).isEqualTo(LaunchStatus.FAILED);
        }
        String lt = template(unknownSubnet);
        assertThat(rawError(job.jobID(), unknownSubnet))
                .contains(lt, "version 2", "subnet-0000000000000000a", "does not exist in 000000000000/us-east-1");
        assertThat(rawError(job.jobID(), foreignGroup))
                .contains(net.drillIsolatedGroup(), "different networks", net.drillVpc(), net.productionVpc());
        assertThat(rawError(job.jobID(), outside)).contains("10.0.99.9", "does not fall within", "10.0.0.0/18");
        assertThat(rawError(job.jobID(), held)).contains("10.0.1.60", "in use");
        assertThat(drs.describeSourceServers(b -> b.filters(f -> f.sourceServerIDs(unknownSubnet)))
                        .items()
                        .get(0)
                        .lastLaunchResultAsString())
                .isEqualTo("FAILED");
        // no instance for the failed ones: the holder's and the fine one's only
        assertThat(ec2.describeInstances(b -> {}).reservations()).hasSize(2);
    }

    @Test
    void anInstanceTypeTheRegionDoesNotOfferFailsTheLaunch() {
        DrsClient stockholm = DrsClient.builder()
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .endpointOverride(devstack.endpoint())
                .region(Region.EU_NORTH_1)
                .credentialsProvider(Clients.CREDENTIALS)
                .build();
        Ec2Client ec2North = clients.ec2(Clients.CREDENTIALS, "eu-north-1");
        List<String> ids = fleet(2, "eu-north-1", "n-");
        String lt = stockholm
                .getLaunchConfiguration(b -> b.sourceServerID(ids.get(0)))
                .ec2LaunchTemplateID();
        long v = ec2North.createLaunchTemplateVersion(b ->
                        b.launchTemplateId(lt).sourceVersion("1").launchTemplateData(d -> d.instanceType("r5.large")))
                .launchTemplateVersion()
                .versionNumber();
        ec2North.modifyLaunchTemplate(b -> b.launchTemplateId(lt).defaultVersion(String.valueOf(v)));
        stockholm.updateLaunchConfiguration(b -> b.sourceServerID(ids.get(0))
                .targetInstanceTypeRightSizingMethod(TargetInstanceTypeRightSizingMethod.NONE));

        Job job = awaitCompleted(
                stockholm, start(stockholm, true, ids.get(0), ids.get(1)).jobID());
        Map<String, ParticipatingServer> p = byServer(job);
        assertThat(p.get(ids.get(0)).launchStatus()).isEqualTo(LaunchStatus.FAILED);
        assertThat(p.get(ids.get(1)).launchStatus()).isEqualTo(LaunchStatus.LAUNCHED);
        String raw = stockholm.describeJobLogItems(b -> b.jobID(job.jobID())).items().stream()
                .filter(l -> l.event().toString().equals("LAUNCH_FAILED"))
                .findFirst()
                .orElseThrow()
                .eventData()
                .rawError();
        assertThat(raw).contains("r5.large", "not offered in eu-north-1");
        Ec2.SeededNetwork north = Ec2.seededNetwork(devstack.account(), "eu-north-1");
        assertThat(ec2North.describeInstances(b -> {}).reservations())
                .singleElement()
                .satisfies(r -> assertThat(r.instances().get(0).subnetId()).isEqualTo(north.productionSubnetA()));
    }

    @Test
    void terminatingARecoveryInstanceTerminatesItsEc2InstanceAndARelaunchReplacesIt() {
        String id = fleet(1, null, "").get(0);
        Instance first = instance(ec2, launch(true, id), id);
        Instance second = instance(ec2, launch(true, id), id);
        assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
        // the replaced instance is terminated, so its address is free again
        assertThat(second.privateIpAddress())
                .isEqualTo(first.privateIpAddress())
                .isEqualTo("10.0.0.4");
        assertThat(ec2.describeInstances(b -> b.instanceIds(first.instanceId()))
                        .reservations()
                        .get(0)
                        .instances()
                        .get(0)
                        .state()
                        .name())
                .isEqualTo(InstanceStateName.TERMINATED);

        String recoveryInstance = drs.describeRecoveryInstances(b -> b.filters(f -> f.sourceServerIDs(id)))
                .items()
                .get(0)
                .recoveryInstanceID();
        awaitCompleted(
                drs,
                drs.terminateRecoveryInstances(b -> b.recoveryInstanceIDs(recoveryInstance))
                        .job()
                        .jobID());
        var terminated = ec2.describeInstances(b -> b.instanceIds(second.instanceId()))
                .reservations()
                .get(0)
                .instances()
                .get(0);
        assertThat(terminated.state().name()).isEqualTo(InstanceStateName.TERMINATED);
        assertThat(terminated.state().code()).isEqualTo(48);
        assertThat(ec2.describeInstances(b -> b.filters(Filter.builder()
                                .name("instance-state-name")
                                .values("running")
                                .build()))
                        .reservations())
                .isEmpty();
        assertThat(devstack.ec2().instances(devstack.account(), devstack.region()))
                .extracting(Instances.InstanceView::state)
                .containsOnly("terminated");
        var admin = clients.admin("GET", "ec2/" + devstack.account() + "/" + devstack.region() + "/instances", null);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(dev.drsorchestrator.devstack.http.Json.parse(admin.body()).findValuesAsText("instanceId"))
                .containsExactlyInAnyOrder(first.instanceId(), second.instanceId());
    }
}
