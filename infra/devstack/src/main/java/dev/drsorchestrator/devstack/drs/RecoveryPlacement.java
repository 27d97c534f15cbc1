package dev.drsorchestrator.devstack.drs;

import dev.drsorchestrator.devstack.drs.DrsModel.SourceServer;
import dev.drsorchestrator.devstack.ec2.Ec2;
import dev.drsorchestrator.devstack.ec2.Instances.InstanceSpec;
import dev.drsorchestrator.devstack.ec2.LaunchTemplates.NetworkInterface;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a recovery instance lands. When a job launches a server's instance, DRS reads the server's launch template's
 * default version at that moment (not at StartRecovery) and its launch configuration, and launches the EC2 instance:
 * <ul>
 *   <li>subnet and security groups from network interface 0 (else the template's {@code SecurityGroupIds}, else the
 *       VPC's {@code default} group);
 *   <li>private IP: the interface's {@code PrivateIpAddress}; else, with {@code copyPrivateIp}, the source server's
 *       own; else the next free address in the subnet;
 *   <li>instance type: the template's with right-sizing {@code NONE}, else the server's recommended type;
 *   <li>tags: the template's instance tags, the server's with {@code copyTags}, and
 *       {@code AWSElasticDisasterRecoveryManaged=drs.amazonaws.com};
 *   <li>{@code stopped} with launch disposition {@code STOPPED}, else {@code running}.
 * </ul>
 * An unusable template (unknown subnet or group, a group of another VPC, an IP outside the subnet or held, a type the
 * Region does not offer) fails that server's launch with the reason.
 */
final class RecoveryPlacement {
    static final String MANAGED_TAG = "AWSElasticDisasterRecoveryManaged";

    private final Ec2 ec2;
    private final LaunchConfigurations configs;

    RecoveryPlacement(Ec2 ec2, LaunchConfigurations configs) {
        this.ec2 = ec2;
        this.configs = configs;
    }

    /** A launch: the instance type and whether it is stopped, or the reason it failed. */
    record Outcome(@Nullable String failure, String instanceType, boolean stopped) {
        static Outcome failed(String reason) {
            return new Outcome(reason, "", false);
        }
    }

    /** Launches {@code instanceId} for {@code s}; it replaces (and terminates) {@code replacing} when given. */
    Outcome launch(SourceServer s, String instanceId, @Nullable String replacing) {
        LaunchConfigurations.Config c = configs.of(s);
        Ec2.TemplateVersion v = ec2.defaultVersion(s.account, s.region, c.templateId);
        if (v == null) {
            return Outcome.failed("Launch template " + c.templateId + " does not exist in " + s.account + "/" + s.region
                    + "; cannot launch a recovery instance for " + s.id);
        }
        String what = "Launch template " + v.templateId() + " (" + v.templateName() + ") version " + v.number();
        NetworkInterface nic = v.data().primary();
        if (nic == null || nic.subnetId() == null) {
            return Outcome.failed(what + " names no subnet (network interface 0 has no SubnetId)");
        }
        List<String> groups = !nic.groupIds().isEmpty()
                ? nic.groupIds()
                : v.data().securityGroupIds() != null ? v.data().securityGroupIds() : List.of();
        String ip = nic.privateIpAddress() != null ? nic.privateIpAddress() : c.copyPrivateIp ? s.privateIp() : null;
        String type = c.rightSizing.equals("NONE") ? v.data().instanceType() : s.recommendedInstanceType;
        if (type == null) {
            return Outcome.failed(what + " sets no InstanceType and targetInstanceTypeRightSizingMethod is NONE");
        }
        Map<String, String> tags = new LinkedHashMap<>(v.data().instanceTags());
        if (c.copyTags) {
            tags.putAll(s.tags);
        }
        tags.put(MANAGED_TAG, "drs.amazonaws.com");
        boolean stopped = c.launchDisposition.equals("STOPPED");
        try {
            ec2.runInstance(
                    s.account,
                    s.region,
                    new InstanceSpec(instanceId, type, nic.subnetId(), groups, ip, tags, stopped, replacing));
        } catch (AwsServiceException e) {
            return Outcome.failed(what + " cannot be launched: " + e.getMessage() + " (" + e.code() + ")");
        }
        return new Outcome(null, type, stopped);
    }

    /** The EC2 state of a recovery instance's instance: {@code shutting-down}, {@code terminated} …. */
    void ec2State(String account, String region, String instanceId, String state) {
        ec2.setState(account, region, instanceId, state);
    }
}
