package dev.drsorchestrator.drsadapter.adapter.out.aws;

import static dev.drsorchestrator.drsadapter.adapter.out.aws.Failures.call;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchDisposition;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsApi;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.drs.model.GetLaunchConfigurationResponse;
import software.amazon.awssdk.services.drs.model.Licensing;
import software.amazon.awssdk.services.drs.model.UpdateLaunchConfigurationRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Launch settings through DRS ({@code GetLaunchConfiguration}, {@code UpdateLaunchConfiguration}) and EC2 (launch
 * template versions, subnets, security groups, instance type offerings) in each account and Region.
 */
@ApplicationScoped
class LaunchGateway implements LaunchSettingsApi {

    private final ScopedClients clients;

    LaunchGateway(ScopedClients clients) {
        this.clients = clients;
    }

    @Override
    public ServerLaunch current(Scope scope, SourceServerId server) {
        GetLaunchConfigurationResponse c = call(
                "GetLaunchConfiguration",
                () -> clients.drsReads(scope).getLaunchConfiguration(r -> r.sourceServerID(server.value())));
        String template = c.ec2LaunchTemplateID();
        if (template == null || template.isBlank()) {
            throw new DrsCallFailed(
                    DrsCallFailed.Kind.REJECTED,
                    "GetLaunchConfiguration",
                    "DRS names no EC2 launch template for " + server + " in " + scope,
                    new IllegalStateException("no ec2LaunchTemplateID"));
        }
        DescribeLaunchTemplateVersionsResponse versions = call(
                "DescribeLaunchTemplateVersions",
                () -> clients.ec2(scope)
                        .describeLaunchTemplateVersions(
                                r -> r.launchTemplateId(template).versions("$Default")));
        if (!versions.hasLaunchTemplateVersions()
                || versions.launchTemplateVersions().isEmpty()) {
            throw new DrsCallFailed(
                    DrsCallFailed.Kind.REJECTED,
                    "DescribeLaunchTemplateVersions",
                    "launch template " + template + " of " + server + " has no default version in " + scope,
                    new IllegalStateException("no default version"));
        }
        var version = versions.launchTemplateVersions().get(0);
        LaunchConfiguration configuration = new LaunchConfiguration(
                c.copyPrivateIp(),
                c.copyTags(),
                c.launchDisposition() == null || c.launchDispositionAsString() == null
                        ? null
                        : LaunchDisposition.valueOf(c.launchDispositionAsString()),
                c.licensing() == null ? null : c.licensing().osByol(),
                c.targetInstanceTypeRightSizingMethodAsString() == null
                        ? null
                        : RightSizingMethod.valueOf(c.targetInstanceTypeRightSizingMethodAsString()),
                c.postLaunchEnabled());
        return new ServerLaunch(
                server,
                template,
                version.versionNumber(),
                new LaunchSettings(configuration, template(version.launchTemplateData())));
    }

    private static LaunchTemplateSettings template(@Nullable ResponseLaunchTemplateData data) {
        if (data == null) {
            return LaunchTemplateSettings.UNMANAGED;
        }
        String subnet = null;
        String ip = null;
        List<String> groups = data.hasSecurityGroupIds() ? data.securityGroupIds() : null;
        if (data.hasNetworkInterfaces()) {
            LaunchTemplateInstanceNetworkInterfaceSpecification nic = data.networkInterfaces().stream()
                    .filter(n -> n.deviceIndex() == null || n.deviceIndex() == 0)
                    .findFirst()
                    .orElse(null);
            if (nic != null) {
                subnet = nic.subnetId();
                ip = nic.privateIpAddress();
                if (nic.hasGroups() && !nic.groups().isEmpty()) {
                    groups = nic.groups();
                }
            }
        }
        Map<String, String> tags = null;
        if (data.hasTagSpecifications()) {
            for (LaunchTemplateTagSpecification spec : data.tagSpecifications()) {
                if (spec.resourceType() == ResourceType.INSTANCE && spec.hasTags()) {
                    tags = new LinkedHashMap<>();
                    for (Tag tag : spec.tags()) {
                        tags.put(tag.key(), tag.value());
                    }
                }
            }
        }
        return new LaunchTemplateSettings(data.instanceTypeAsString(), subnet, groups, ip, tags);
    }

    @Override
    public void updateConfiguration(Scope scope, SourceServerId server, LaunchConfiguration wanted) {
        UpdateLaunchConfigurationRequest.Builder r =
                UpdateLaunchConfigurationRequest.builder().sourceServerID(server.value());
        if (wanted.copyPrivateIp() != null) {
            r.copyPrivateIp(wanted.copyPrivateIp());
        }
        if (wanted.copyTags() != null) {
            r.copyTags(wanted.copyTags());
        }
        if (wanted.launchDisposition() != null) {
            r.launchDisposition(wanted.launchDisposition().name());
        }
        if (wanted.osByol() != null) {
            r.licensing(Licensing.builder().osByol(wanted.osByol()).build());
        }
        if (wanted.targetInstanceTypeRightSizingMethod() != null) {
            r.targetInstanceTypeRightSizingMethod(
                    wanted.targetInstanceTypeRightSizingMethod().name());
        }
        if (wanted.postLaunchEnabled() != null) {
            r.postLaunchEnabled(wanted.postLaunchEnabled());
        }
        call("UpdateLaunchConfiguration", () -> clients.drsReads(scope).updateLaunchConfiguration(r.build()));
    }

    @Override
    public long createVersion(
            Scope scope,
            String launchTemplateId,
            long sourceVersion,
            LaunchTemplateSettings settings,
            String description,
            String clientToken) {
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder();
        if (settings.instanceType() != null) {
            data.instanceType(settings.instanceType());
        }
        if (settings.subnetId() != null || settings.securityGroupIds() != null || settings.privateIp() != null) {
            LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.Builder nic =
                    LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.builder()
                            .deviceIndex(0);
            if (settings.subnetId() != null) {
                nic.subnetId(settings.subnetId());
            }
            if (settings.securityGroupIds() != null) {
                nic.groups(settings.securityGroupIds());
            }
            if (settings.privateIp() != null) {
                nic.privateIpAddress(settings.privateIp());
            }
            data.networkInterfaces(nic.build());
        }
        if (settings.tags() != null) {
            List<Tag> tags = new ArrayList<>();
            settings.tags()
                    .forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
            data.tagSpecifications(LaunchTemplateTagSpecificationRequest.builder()
                    .resourceType(ResourceType.INSTANCE)
                    .tags(tags)
                    .build());
        }
        return call(
                        "CreateLaunchTemplateVersion",
                        () -> clients.ec2(scope)
                                .createLaunchTemplateVersion(r -> r.launchTemplateId(launchTemplateId)
                                        .sourceVersion(Long.toString(sourceVersion))
                                        .versionDescription(description)
                                        .clientToken(clientToken)
                                        .launchTemplateData(data.build())))
                .launchTemplateVersion()
                .versionNumber();
    }

    @Override
    public void setDefaultVersion(Scope scope, String launchTemplateId, long version) {
        call(
                "ModifyLaunchTemplate",
                () -> clients.ec2(scope)
                        .modifyLaunchTemplate(
                                r -> r.launchTemplateId(launchTemplateId).defaultVersion(Long.toString(version))));
    }

    @Override
    public Network network(Scope scope) {
        var ec2 = clients.ec2(scope);
        List<SubnetInfo> subnets = new ArrayList<>();
        call(
                        "DescribeSubnets",
                        () -> ec2.describeSubnetsPaginator(r -> {}).subnets().stream()
                                .toList())
                .forEach(s -> subnets.add(new SubnetInfo(
                        s.subnetId(), s.vpcId(), s.cidrBlock(), s.availabilityZone(), nameTag(s.tags()))));
        List<SecurityGroupInfo> groups = new ArrayList<>();
        call(
                        "DescribeSecurityGroups",
                        () -> ec2.describeSecurityGroupsPaginator(r -> {}).securityGroups().stream()
                                .toList())
                .forEach(g -> groups.add(new SecurityGroupInfo(g.groupId(), g.vpcId(), g.groupName())));
        List<String> types = call(
                "DescribeInstanceTypeOfferings",
                () -> ec2
                        .describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.REGION))
                        .instanceTypeOfferings()
                        .stream()
                        .map(o -> o.instanceTypeAsString())
                        .sorted()
                        .distinct()
                        .toList());
        return new Network(List.copyOf(subnets), List.copyOf(groups), types);
    }

    private static @Nullable String nameTag(@Nullable List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        return tags.stream()
                .filter(t -> "Name".equals(t.key()))
                .map(Tag::value)
                .findFirst()
                .orElse(null);
    }
}
