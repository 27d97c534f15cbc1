package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import java.util.List;
import java.util.Optional;

/**
 * Where a recovery instance lands, in each account and Region: the DRS launch configuration of a source server and
 * the EC2 launch template DRS launches it from, and the network they may name. Every method throws
 * {@link DrsCallFailed}.
 */
public interface LaunchSettingsApi {

    /** A server's launch settings now: its template, the template's default version, and what they say. */
    record ServerLaunch(SourceServerId server, String launchTemplateId, long defaultVersion, LaunchSettings observed) {}

    /** The subnets, security groups and offered instance types of an account and Region. */
    record Network(List<SubnetInfo> subnets, List<SecurityGroupInfo> securityGroups, List<String> instanceTypes) {

        public Optional<SubnetInfo> subnet(String id) {
            return subnets.stream().filter(s -> s.subnetId().equals(id)).findFirst();
        }
    }

    /** {@code GetLaunchConfiguration} and the launch template's default version. */
    ServerLaunch current(Scope scope, SourceServerId server);

    /** {@code UpdateLaunchConfiguration} with the fields {@code wanted} sets (the others stay as they are). */
    void updateConfiguration(Scope scope, SourceServerId server, LaunchConfiguration wanted);

    /**
     * A new version of the template made from {@code sourceVersion} with {@code settings} (instance type, the first
     * network interface as a whole — subnet, groups and private IP or none — and instance tags when set); not yet
     * the default. {@code clientToken} makes a repeated call return the same version.
     */
    long createVersion(
            Scope scope,
            String launchTemplateId,
            long sourceVersion,
            LaunchTemplateSettings settings,
            String description,
            String clientToken);

    /** {@code ModifyLaunchTemplate}: the version DRS launches from from now on. */
    void setDefaultVersion(Scope scope, String launchTemplateId, long version);

    Network network(Scope scope);
}
