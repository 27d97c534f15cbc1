package dev.drsorchestrator.contracts.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a source server's recovery instance launches: its DRS launch configuration and its EC2 launch
 * template. A protection group has one set; a server may override any field ({@link #overriddenBy}).
 */
public record LaunchSettings(LaunchConfiguration configuration, LaunchTemplateSettings template) {

    public static final LaunchSettings UNMANAGED =
            new LaunchSettings(LaunchConfiguration.UNMANAGED, LaunchTemplateSettings.UNMANAGED);

    public LaunchSettings {
        configuration = configuration == null ? LaunchConfiguration.UNMANAGED : configuration;
        template = template == null ? LaunchTemplateSettings.UNMANAGED : template;
    }

    /** These settings, with every field {@code over} sets replacing this one's. */
    public LaunchSettings overriddenBy(@Nullable LaunchSettings over) {
        if (over == null) {
            return this;
        }
        return new LaunchSettings(configuration.overriddenBy(over.configuration), template.overriddenBy(over.template));
    }

    /** Nothing managed: DRS's and the template's own values stand. */
    public boolean managesNothing() {
        return configuration.managesNothing() && template.managesNothing();
    }

    /**
     * Where {@code observed} (what the server would launch with now) differs from these desired settings, one entry
     * per field these settings manage. Security groups compare as sets.
     */
    public List<LaunchDrift> driftOf(LaunchSettings observed) {
        List<LaunchDrift> out = new ArrayList<>();
        LaunchConfiguration want = configuration;
        LaunchConfiguration have = observed.configuration;
        compare(out, "copyPrivateIp", want.copyPrivateIp(), have.copyPrivateIp());
        compare(out, "copyTags", want.copyTags(), have.copyTags());
        compare(out, "launchDisposition", want.launchDisposition(), have.launchDisposition());
        compare(out, "osByol", want.osByol(), have.osByol());
        compare(
                out,
                "targetInstanceTypeRightSizingMethod",
                want.targetInstanceTypeRightSizingMethod(),
                have.targetInstanceTypeRightSizingMethod());
        compare(out, "postLaunchEnabled", want.postLaunchEnabled(), have.postLaunchEnabled());
        LaunchTemplateSettings t = template;
        LaunchTemplateSettings o = observed.template;
        compare(out, "instanceType", t.instanceType(), o.instanceType());
        compare(out, "subnetId", t.subnetId(), o.subnetId());
        if (t.securityGroupIds() != null
                && (o.securityGroupIds() == null
                        || !new HashSet<>(t.securityGroupIds()).equals(new HashSet<>(o.securityGroupIds())))) {
            out.add(new LaunchDrift(
                    "securityGroupIds", String.valueOf(o.securityGroupIds()), String.valueOf(t.securityGroupIds())));
        }
        compare(out, "privateIp", t.privateIp(), o.privateIp());
        if (t.tags() != null
                && (o.tags() == null
                        || !o.tags().entrySet().containsAll(t.tags().entrySet()))) {
            out.add(new LaunchDrift("tags", String.valueOf(o.tags()), String.valueOf(t.tags())));
        }
        return List.copyOf(out);
    }

    private static void compare(List<LaunchDrift> out, String field, @Nullable Object want, @Nullable Object have) {
        if (want != null && !Objects.equals(want, have)) {
            out.add(new LaunchDrift(field, have == null ? null : have.toString(), want.toString()));
        }
    }
}
