package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.devstack.ec2.Ec2;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** devstack's EC2 subset through the real {@link Ec2Client}: seeded network, creates, launch templates, offerings. */
@ExtendWith(DevstackExtension.class)
class Ec2Test {
    private final Devstack devstack;
    private final Clients clients;
    private final Ec2Client ec2;
    private Ec2.SeededNetwork net;

    Ec2Test(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
        this.ec2 = clients.ec2();
    }

    @BeforeEach
    void reset() {
        devstack.reset();
        net = Ec2.seededNetwork(devstack.account(), devstack.region());
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (Ec2Exception e) {
            assertThat(e.statusCode()).isEqualTo(400);
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("expected an Ec2Exception");
    }

    @Test
    void theSeededNetworkIsVisibleWithFilters() {
        List<Vpc> vpcs = ec2.describeVpcs().vpcs();
        assertThat(vpcs).extracting(Vpc::vpcId).containsExactly(net.productionVpc(), net.drillVpc());
        assertThat(vpcs).extracting(Vpc::cidrBlock).containsOnly("10.0.0.0/16");
        Vpc production = ec2.describeVpcs(b -> b.filters(filter("tag:Name", "production")))
                .vpcs()
                .get(0);
        assertThat(production.vpcId()).isEqualTo(net.productionVpc());
        assertThat(production.tags())
                .containsExactly(Tag.builder().key("Name").value("production").build());
        assertThat(production.ownerId()).isEqualTo(devstack.account());

        List<Subnet> prodSubnets = ec2.describeSubnets(b -> b.filters(filter("vpc-id", net.productionVpc())))
                .subnets();
        assertThat(prodSubnets)
                .extracting(Subnet::subnetId, Subnet::cidrBlock, Subnet::availabilityZone)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(net.productionSubnetA(), "10.0.0.0/18", "us-east-1a"),
                        org.assertj.core.groups.Tuple.tuple(net.productionSubnetB(), "10.0.64.0/18", "us-east-1b"));
        Subnet drill = ec2.describeSubnets(b -> b.subnetIds(net.drillSubnetA()))
                .subnets()
                .get(0);
        assertThat(drill.vpcId()).isEqualTo(net.drillVpc());
        assertThat(drill.cidrBlock()).isEqualTo("10.0.0.0/18");
        assertThat(drill.availableIpAddressCount()).isEqualTo(16379);
        assertThat(ec2.describeSubnets(b -> b.filters(filter("availability-zone", "us-east-1b")))
                        .subnets())
                .extracting(Subnet::subnetId)
                .containsExactly(net.productionSubnetB());
        assertThat(ec2.describeSubnets(b -> b.filters(filter("tag:Name", "drill-*")))
                        .subnets())
                .extracting(Subnet::subnetId)
                .containsExactly(net.drillSubnetA());

        List<SecurityGroup> prodGroups = ec2.describeSecurityGroups(
                        b -> b.filters(filter("vpc-id", net.productionVpc())))
                .securityGroups();
        assertThat(prodGroups)
                .extracting(SecurityGroup::groupName)
                .containsExactly("default", "production-web", "production-db");
        assertThat(prodGroups)
                .extracting(SecurityGroup::groupId)
                .containsExactly(net.productionDefaultGroup(), net.productionWebGroup(), net.productionDbGroup());
        assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("group-name", "drill-isolated")))
                        .securityGroups())
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.groupId()).isEqualTo(net.drillIsolatedGroup());
                    assertThat(g.vpcId()).isEqualTo(net.drillVpc());
                    assertThat(g.tags()).extracting(Tag::value).containsExactly("drill-isolated");
                });
        assertThat(ec2.describeSecurityGroups(b -> b.groupIds(net.drillDefaultGroup()))
                        .securityGroups())
                .extracting(SecurityGroup::groupName, SecurityGroup::vpcId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default", net.drillVpc()));
    }

    @Test
    void seededIdsAreTheSameEveryRunAndDifferPerAccountAndRegion() {
        String before = ec2.describeSubnets(b -> b.filters(filter("tag:Name", "production-a")))
                .subnets()
                .get(0)
                .subnetId();
        devstack.reset();
        assertThat(ec2.describeSubnets(b -> b.filters(filter("tag:Name", "production-a")))
                        .subnets()
                        .get(0)
                        .subnetId())
                .isEqualTo(before)
                .isEqualTo(net.productionSubnetA())
                .matches("subnet-[0-9a-f]{17}");

        var assumed = clients.sts()
                .assumeRole(b -> b.roleArn("arn:aws:iam::111111111111:role/drs").roleSessionName("ec2-test"))
                .credentials();
        Ec2Client other = clients.ec2(
                StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        assumed.accessKeyId(), assumed.secretAccessKey(), assumed.sessionToken())),
                "eu-north-1");
        Ec2.SeededNetwork otherNet = Ec2.seededNetwork("111111111111", "eu-north-1");
        assertThat(other.describeSubnets(b -> b.filters(filter("tag:Name", "production-a")))
                        .subnets())
                .extracting(Subnet::subnetId, Subnet::availabilityZone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(otherNet.productionSubnetA(), "eu-north-1a"));
        assertThat(otherNet.productionSubnetA()).isNotEqualTo(net.productionSubnetA());

        var admin = clients.admin("GET", "ec2/111111111111/eu-north-1/network", null);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(Json.parse(admin.body()).path("drillSubnetA").asText()).isEqualTo(otherNet.drillSubnetA());
    }

    @Test
    void unknownIdsGetEc2sErrorCodes() {
        assertThat(errorCode(() -> ec2.describeSubnets(b -> b.subnetIds(net.productionSubnetA(), "subnet-0000"))))
                .isEqualTo("InvalidSubnetID.NotFound");
        assertThat(errorCode(() -> ec2.describeSecurityGroups(b -> b.groupIds("sg-0123456789abcdef0"))))
                .isEqualTo("InvalidGroup.NotFound");
        assertThat(errorCode(() -> ec2.describeVpcs(b -> b.vpcIds("vpc-0123456789abcdef0"))))
                .isEqualTo("InvalidVpcID.NotFound");
        assertThat(errorCode(() -> ec2.describeInstances(b -> b.instanceIds("i-0123456789abcdef0"))))
                .isEqualTo("InvalidInstanceID.NotFound");
        assertThat(errorCode(() -> ec2.describeSubnets(b -> b.filters(filter("no-such-filter", "x")))))
                .isEqualTo("InvalidParameterValue");
        // a subnet of another account is not visible
        assertThat(errorCode(() -> ec2.describeSubnets(b -> b.subnetIds(
                        Ec2.seededNetwork("111111111111", "us-east-1").productionSubnetA()))))
                .isEqualTo("InvalidSubnetID.NotFound");
    }

    @Test
    void testsCanBuildAnotherNetwork() {
        Vpc vpc = ec2.createVpc(b -> b.cidrBlock("10.20.0.0/16")
                        .tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.VPC)
                                .tags(Tag.builder().key("Name").value("staging").build())
                                .build()))
                .vpc();
        assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(errorCode(() -> ec2.createSubnet(b -> b.vpcId(vpc.vpcId()).cidrBlock("10.0.1.0/24"))))
                .isEqualTo("InvalidSubnet.Range");
        assertThat(errorCode(() ->
                        ec2.createSubnet(b -> b.vpcId("vpc-0000000000000000f").cidrBlock("10.20.1.0/24"))))
                .isEqualTo("InvalidVpcID.NotFound");
        Subnet subnet = ec2.createSubnet(
                        b -> b.vpcId(vpc.vpcId()).cidrBlock("10.20.3.0/24").availabilityZone("us-east-1b"))
                .subnet();
        assertThat(errorCode(() -> ec2.createSubnet(b -> b.vpcId(vpc.vpcId()).cidrBlock("10.20.3.128/25"))))
                .isEqualTo("InvalidSubnet.Conflict");
        String group = ec2.createSecurityGroup(
                        b -> b.vpcId(vpc.vpcId()).groupName("staging-web").description("web"))
                .groupId();
        assertThat(errorCode(() -> ec2.createSecurityGroup(
                        b -> b.vpcId(vpc.vpcId()).groupName("staging-web").description("again"))))
                .isEqualTo("InvalidGroup.Duplicate");
        ec2.createTags(b -> b.resources(subnet.subnetId(), group)
                .tags(Tag.builder().key("Name").value("staging-x").build()));

        assertThat(ec2.describeSubnets(b -> b.filters(filter("tag:Name", "staging-x")))
                        .subnets())
                .extracting(Subnet::subnetId, Subnet::vpcId, Subnet::cidrBlock, Subnet::availabilityZone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        subnet.subnetId(), vpc.vpcId(), "10.20.3.0/24", "us-east-1b"));
        assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("vpc-id", vpc.vpcId())))
                        .securityGroups())
                .extracting(SecurityGroup::groupId, SecurityGroup::groupName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(group, "staging-web"));
        assertThat(errorCode(() -> ec2.createTags(b -> b.resources("subnet-00000000000000000")
                        .tags(Tag.builder().key("a").value("b").build()))))
                .isEqualTo("InvalidSubnetID.NotFound");
    }

    @Test
    void instanceTypeOfferingsLackR5LargeInEuNorth1() {
        List<String> here = ec2.describeInstanceTypeOfferings(b -> {}).instanceTypeOfferings().stream()
                .map(InstanceTypeOffering::instanceTypeAsString)
                .toList();
        assertThat(here).containsExactlyElementsOf(Ec2.INSTANCE_TYPES).contains("r5.large", "t3.small");
        assertThat(ec2.describeInstanceTypeOfferings(
                                b -> b.locationType(LocationType.REGION).filters(filter("instance-type", "r5.large")))
                        .instanceTypeOfferings())
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.location()).isEqualTo("us-east-1");
                    assertThat(o.locationType()).isEqualTo(LocationType.REGION);
                });
        Ec2Client stockholm = clients.ec2(Clients.CREDENTIALS, "eu-north-1");
        assertThat(stockholm
                        .describeInstanceTypeOfferings(b -> b.filters(filter("instance-type", "r5.large")))
                        .instanceTypeOfferings())
                .isEmpty();
        assertThat(stockholm.describeInstanceTypeOfferings(b -> {}).instanceTypeOfferings())
                .extracting(InstanceTypeOffering::instanceTypeAsString)
                .hasSize(Ec2.INSTANCE_TYPES.size() - 1)
                .doesNotContain("r5.large")
                .contains("r5.xlarge");
    }

    private static Consumer<software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData.Builder> data(
            String type, String subnet, String... groups) {
        return d -> d.instanceType(type)
                .networkInterfaces(LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.builder()
                        .deviceIndex(0)
                        .subnetId(subnet)
                        .groups(groups)
                        .associatePublicIpAddress(false)
                        .build())
                .tagSpecifications(LaunchTemplateTagSpecificationRequest.builder()
                        .resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Role").value("web").build())
                        .build());
    }

    @Test
    void launchTemplateVersionsInheritTheirSourceAndResolveDefaultAndLatest() {
        LaunchTemplate created = ec2.createLaunchTemplate(b -> b.launchTemplateName("web")
                        .versionDescription("first")
                        .launchTemplateData(data("t3.small", net.productionSubnetA(), net.productionWebGroup())))
                .launchTemplate();
        assertThat(created.launchTemplateId()).matches("lt-[0-9a-f]{17}");
        assertThat(created.defaultVersionNumber()).isEqualTo(1L);
        assertThat(created.latestVersionNumber()).isEqualTo(1L);
        assertThat(errorCode(() -> ec2.createLaunchTemplate(
                        b -> b.launchTemplateName("web").launchTemplateData(d -> d.instanceType("t3.micro")))))
                .isEqualTo("InvalidLaunchTemplateName.AlreadyExistsException");

        // version 2: from version 1, only the network interfaces replaced (the drill network)
        LaunchTemplateVersion v2 = ec2.createLaunchTemplateVersion(b -> b.launchTemplateId(created.launchTemplateId())
                        .sourceVersion("1")
                        .versionDescription("drill")
                        .launchTemplateData(d ->
                                d.networkInterfaces(LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.builder()
                                        .deviceIndex(0)
                                        .subnetId(net.drillSubnetA())
                                        .groups(net.drillIsolatedGroup())
                                        .privateIpAddress("10.0.1.77")
                                        .build())))
                .launchTemplateVersion();
        assertThat(v2.versionNumber()).isEqualTo(2L);
        assertThat(v2.defaultVersion()).isFalse();
        assertThat(v2.versionDescription()).isEqualTo("drill");
        assertThat(v2.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.small");
        assertThat(v2.launchTemplateData().tagSpecifications().get(0).tags())
                .containsExactly(Tag.builder().key("Role").value("web").build());
        var nic = v2.launchTemplateData().networkInterfaces().get(0);
        assertThat(nic.subnetId()).isEqualTo(net.drillSubnetA());
        assertThat(nic.groups()).containsExactly(net.drillIsolatedGroup());
        assertThat(nic.privateIpAddress()).isEqualTo("10.0.1.77");
        assertThat(nic.deviceIndex()).isZero();

        // version 3: no source, so nothing inherited; subnets are not checked when a version is made
        ec2.createLaunchTemplateVersion(b -> b.launchTemplateName("web")
                .launchTemplateData(d -> d.instanceType("m5.large").securityGroupIds("sg-00000000000000000")));

        var defaultAndLatest = ec2.describeLaunchTemplateVersions(
                        b -> b.launchTemplateId(created.launchTemplateId()).versions("$Default", "$Latest"))
                .launchTemplateVersions();
        assertThat(defaultAndLatest)
                .extracting(LaunchTemplateVersion::versionNumber)
                .containsExactly(1L, 3L);
        assertThat(defaultAndLatest.get(0).defaultVersion()).isTrue();
        assertThat(defaultAndLatest.get(1).launchTemplateData().networkInterfaces())
                .isEmpty();
        assertThat(defaultAndLatest.get(1).launchTemplateData().securityGroupIds())
                .containsExactly("sg-00000000000000000");

        LaunchTemplate modified = ec2.modifyLaunchTemplate(
                        b -> b.launchTemplateId(created.launchTemplateId()).defaultVersion("2"))
                .launchTemplate();
        assertThat(modified.defaultVersionNumber()).isEqualTo(2L);
        assertThat(modified.latestVersionNumber()).isEqualTo(3L);
        assertThat(ec2.describeLaunchTemplateVersions(
                                b -> b.launchTemplateName("web").versions("$Default"))
                        .launchTemplateVersions())
                .singleElement()
                .satisfies(v -> assertThat(v.launchTemplateData()
                                .networkInterfaces()
                                .get(0)
                                .subnetId())
                        .isEqualTo(net.drillSubnetA()));
        assertThat(ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId(created.launchTemplateId()))
                        .launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber, LaunchTemplateVersion::defaultVersion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, false),
                        org.assertj.core.groups.Tuple.tuple(2L, true),
                        org.assertj.core.groups.Tuple.tuple(1L, false));
        assertThat(ec2.describeLaunchTemplates(b -> b.launchTemplateNames("web"))
                        .launchTemplates())
                .extracting(
                        LaunchTemplate::launchTemplateId,
                        LaunchTemplate::defaultVersionNumber,
                        LaunchTemplate::latestVersionNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(created.launchTemplateId(), 2L, 3L));
        assertThat(ec2.describeLaunchTemplates(b -> b.filters(filter("launch-template-name", "w*")))
                        .launchTemplates())
                .hasSize(1);

        assertThat(errorCode(() -> ec2.modifyLaunchTemplate(
                        b -> b.launchTemplateId(created.launchTemplateId()).defaultVersion("9"))))
                .isEqualTo("InvalidLaunchTemplateId.VersionNotFound");
        assertThat(errorCode(() -> ec2.createLaunchTemplateVersion(b -> b.launchTemplateId(created.launchTemplateId())
                        .sourceVersion("7")
                        .launchTemplateData(d -> d.instanceType("t3.micro")))))
                .isEqualTo("InvalidLaunchTemplateId.VersionNotFound");
        assertThat(errorCode(() -> ec2.describeLaunchTemplateVersions(
                        b -> b.launchTemplateId("lt-00000000000000000").versions("$Default"))))
                .isEqualTo("InvalidLaunchTemplateId.NotFound");
        assertThat(errorCode(() -> ec2.describeLaunchTemplates(b -> b.launchTemplateNames("nope"))))
                .isEqualTo("InvalidLaunchTemplateName.NotFoundException");
    }

    @Test
    void anUnknownActionIsRefused() {
        assertThatThrownBy(() -> ec2.runInstances(b -> b.minCount(1).maxCount(1).imageId("ami-1")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("RunInstances");
                });
    }
}
