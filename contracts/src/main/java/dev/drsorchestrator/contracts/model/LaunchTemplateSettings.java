package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a server's EC2 launch template decides: instance type, subnet, security groups, static private IP and
 * instance tags. In desired settings an absent field is left as the template has it (a list or map replaces the
 * template's whole list or map); in observed settings they are what the template's default version says.
 */
public record LaunchTemplateSettings(
        @Nullable String instanceType,
        @Nullable String subnetId,
        @Nullable List<String> securityGroupIds,
        @Nullable String privateIp,
        @Nullable Map<String, String> tags) {

    public static final LaunchTemplateSettings UNMANAGED = new LaunchTemplateSettings(null, null, null, null, null);

    public LaunchTemplateSettings {
        securityGroupIds = securityGroupIds == null ? null : Require.list(securityGroupIds, "securityGroupIds");
        tags = tags == null ? null : Map.copyOf(tags);
    }

    /** These fields, with each field {@code over} sets replacing this one's. */
    public LaunchTemplateSettings overriddenBy(@Nullable LaunchTemplateSettings over) {
        if (over == null) {
            return this;
        }
        return new LaunchTemplateSettings(
                LaunchConfiguration.pick(over.instanceType, instanceType),
                LaunchConfiguration.pick(over.subnetId, subnetId),
                LaunchConfiguration.pick(over.securityGroupIds, securityGroupIds),
                LaunchConfiguration.pick(over.privateIp, privateIp),
                LaunchConfiguration.pick(over.tags, tags));
    }

    public boolean managesNothing() {
        return equals(UNMANAGED);
    }
}
