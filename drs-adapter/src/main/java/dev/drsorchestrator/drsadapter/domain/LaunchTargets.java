package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import org.jspecify.annotations.Nullable;

/** What to change so that a server launches as wanted, without I/O. */
public final class LaunchTargets {

    private LaunchTargets() {}

    /** Whether the DRS launch configuration differs from what {@code desired} asks for. */
    public static boolean configurationDrifts(LaunchSettings desired, LaunchSettings observed) {
        return !new LaunchSettings(desired.configuration(), LaunchTemplateSettings.UNMANAGED)
                .driftOf(observed)
                .isEmpty();
    }

    /** Whether the launch template differs from what {@code desired} asks for. */
    public static boolean templateDrifts(LaunchSettings desired, LaunchSettings observed) {
        return !new LaunchSettings(LaunchConfiguration.UNMANAGED, desired.template())
                .driftOf(observed)
                .isEmpty();
    }

    /** The whole template to write: what it says now, with every field {@code desired} manages replaced. */
    public static LaunchTemplateSettings production(LaunchTemplateSettings observed, LaunchTemplateSettings desired) {
        return observed.overriddenBy(desired);
    }

    /**
     * The template for one drill launch: production's, in the drill network's subnet and security groups. The static
     * private IP is kept only when the drill subnet holds it (an isolated copy of the production network keeps its
     * addresses); otherwise the drill instance takes any free address there.
     */
    public static LaunchTemplateSettings drill(
            LaunchTemplateSettings production, DrillNetwork network, @Nullable SubnetInfo drillSubnet) {
        String ip = production.privateIp();
        boolean keepIp = ip != null && drillSubnet != null && drillSubnet.contains(ip);
        return new LaunchTemplateSettings(
                production.instanceType(),
                network.subnetId(),
                network.securityGroupIds(),
                keepIp ? ip : null,
                production.tags());
    }
}
