package dev.drsorchestrator.devstack.ec2;

import static dev.drsorchestrator.devstack.ec2.Ec2Model.error;

import dev.drsorchestrator.devstack.ec2.Ec2Model.Cidr;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Instance;
import dev.drsorchestrator.devstack.ec2.Ec2Model.RegionState;
import dev.drsorchestrator.devstack.ec2.Ec2Model.SecurityGroup;
import dev.drsorchestrator.devstack.ec2.Ec2Model.State;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Subnet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * EC2 instances: launched the way RunInstances checks a launch (the subnet exists, the security groups exist and are
 * in the subnet's VPC, the private IP is in the subnet and free, the instance type is offered in the Region), and
 * DescribeInstances. devstack has no RunInstances API: the DRS simulator launches recovery instances through
 * {@link Ec2#runInstance}.
 */
public final class Instances {
    private Instances() {}

    /**
     * An instance to launch.
     *
     * @param groupIds the security groups; empty means the VPC's {@code default} group
     * @param privateIp the address to take, or null for the next free one in the subnet
     * @param stopped whether it ends {@code stopped} (else {@code running})
     * @param replacing an instance this one replaces: its address counts as free, and it is terminated
     */
    public record InstanceSpec(
            String instanceId,
            String instanceType,
            @Nullable String subnetId,
            List<String> groupIds,
            @Nullable String privateIp,
            Map<String, String> tags,
            boolean stopped,
            @Nullable String replacing) {}

    /** An instance as tests see it. {@code state} is EC2's name: running, stopped, shutting-down, terminated. */
    public record InstanceView(
            String instanceId,
            String instanceType,
            String subnetId,
            String vpcId,
            String availabilityZone,
            String privateIpAddress,
            List<String> groupIds,
            Map<String, String> tags,
            String state) {
        static InstanceView of(Instance i) {
            return new InstanceView(
                    i.id,
                    i.instanceType,
                    i.subnetId,
                    i.vpcId,
                    i.availabilityZone,
                    i.privateIp,
                    i.groupIds,
                    Map.copyOf(i.tags),
                    i.state.text);
        }
    }

    static Instance run(RegionState r, InstanceSpec spec, Instant now) {
        if (spec.subnetId() == null) {
            throw error(
                    "MissingParameter", "No subnet given for the launch, and " + r.where() + " has no default VPC.");
        }
        Subnet subnet = r.subnets.get(spec.subnetId());
        if (subnet == null) {
            throw error(
                    "InvalidSubnetID.NotFound",
                    "The subnet ID '" + spec.subnetId() + "' does not exist in " + r.where() + ".");
        }
        if (!Ec2.offered(r.region, spec.instanceType())) {
            throw error(
                    "Unsupported",
                    "Your requested instance type (" + spec.instanceType() + ") is not offered in " + r.region + ".");
        }
        List<String> groups = new ArrayList<>(spec.groupIds());
        if (groups.isEmpty()) {
            SecurityGroup d = r.defaultGroup(subnet.vpcId);
            if (d == null) {
                throw error("InvalidGroup.NotFound", "The VPC " + subnet.vpcId + " has no default security group.");
            }
            groups.add(d.id);
        }
        for (String g : groups) {
            SecurityGroup group = r.groups.get(g);
            if (group == null) {
                throw error(
                        "InvalidGroup.NotFound", "The security group '" + g + "' does not exist in " + r.where() + ".");
            }
            if (!group.vpcId.equals(subnet.vpcId)) {
                throw error(
                        "InvalidParameter",
                        "Security group " + g + " (" + group.name + ") and subnet " + subnet.id
                                + " belong to different networks: the group is in " + name(r, group.vpcId)
                                + ", the subnet in " + name(r, subnet.vpcId) + ".");
            }
        }
        Set<Long> held = new HashSet<>();
        Instance holder = null;
        long wanted = spec.privateIp() == null ? -1 : Cidr.ip(spec.privateIp());
        for (Instance i : r.instancesIn(subnet.id)) {
            if (!i.id.equals(spec.replacing())) {
                held.add(Cidr.ip(i.privateIp));
                if (Cidr.ip(i.privateIp) == wanted) {
                    holder = i;
                }
            }
        }
        long ip;
        if (spec.privateIp() != null) {
            if (wanted < 0 || !subnet.cidr.contains(wanted)) {
                throw error(
                        "InvalidParameterValue",
                        "Address " + spec.privateIp() + " does not fall within the subnet's address range (subnet "
                                + subnet.id + " is " + subnet.cidr + ").");
            }
            if (!subnet.cidr.usable(wanted)) {
                throw error(
                        "InvalidParameterValue",
                        "Address " + spec.privateIp() + " is reserved by AWS in subnet " + subnet.id + " ("
                                + subnet.cidr + ").");
            }
            if (holder != null) {
                throw error(
                        "InvalidIPAddress.InUse",
                        "Address " + spec.privateIp() + " is in use in subnet " + subnet.id + " by instance "
                                + holder.id + ".");
            }
            ip = wanted;
        } else {
            ip = -1;
            for (long a = subnet.cidr.base() + 4; a < subnet.cidr.last(); a++) {
                if (!held.contains(a)) {
                    ip = a;
                    break;
                }
            }
            if (ip < 0) {
                throw error(
                        "InsufficientFreeAddressesInSubnet",
                        "There are not enough free addresses in subnet '" + subnet.id
                                + "' to satisfy the requested number of instances.");
            }
        }
        Instance i = new Instance(
                spec.instanceId(),
                spec.instanceType(),
                subnet,
                Cidr.text(ip),
                groups,
                now,
                spec.stopped() ? State.STOPPED : State.RUNNING);
        i.tags.putAll(spec.tags());
        r.instances.put(i.id, i);
        Instance old = spec.replacing() == null ? null : r.instances.get(spec.replacing());
        if (old != null && old != i) {
            old.state = State.TERMINATED;
        }
        return i;
    }

    private static String name(RegionState r, String vpcId) {
        Ec2Model.Vpc vpc = r.vpcs.get(vpcId);
        String name = vpc == null ? null : vpc.tags.get("Name");
        return name == null ? vpcId : vpcId + " (" + name + ")";
    }

    static List<Instance> describe(RegionState r, Params p) {
        List<String> ids = p.list("InstanceId");
        for (String id : ids) {
            if (!r.instances.containsKey(id)) {
                throw error(
                        "InvalidInstanceID.NotFound",
                        "The instance ID '" + id + "' does not exist in " + r.where() + ".");
            }
        }
        Params.Filters filters = p.filters();
        List<Instance> out = new ArrayList<>();
        for (Instance i : r.instances.values()) {
            if ((ids.isEmpty() || ids.contains(i.id))
                    && filters.match(i.tags, f -> switch (f) {
                        case "instance-id" -> List.of(i.id);
                        case "subnet-id" -> List.of(i.subnetId);
                        case "vpc-id" -> List.of(i.vpcId);
                        case "instance-state-name" -> List.of(i.state.text);
                        case "instance-state-code" -> List.of(String.valueOf(i.state.code));
                        case "private-ip-address" -> List.of(i.privateIp);
                        case "instance-type" -> List.of(i.instanceType);
                        case "availability-zone" -> List.of(i.availabilityZone);
                        case "instance.group-id", "group-id" -> i.groupIds;
                        default -> null;
                    })) {
                out.add(i);
            }
        }
        return out;
    }

    /** One {@code reservationSet} item per instance, as EC2 answers instances launched one at a time. */
    static void xml(Ec2Xml x, RegionState r, Instance i) {
        x.open("item")
                .el("reservationId", i.reservationId)
                .el("ownerId", r.account)
                .open("instancesSet")
                .open("item")
                .el("instanceId", i.id)
                .el("imageId", "ami-" + Ec2Model.id("", "image", r.region))
                .open("instanceState")
                .el("code", i.state.code)
                .el("name", i.state.text)
                .close("instanceState")
                .el("privateDnsName", "ip-" + i.privateIp.replace('.', '-') + "." + r.region + ".compute.internal")
                .el("instanceType", i.instanceType)
                .el("launchTime", i.launchTime)
                .open("placement")
                .el("availabilityZone", i.availabilityZone)
                .el("tenancy", "default")
                .close("placement")
                .el("subnetId", i.subnetId)
                .el("vpcId", i.vpcId)
                .el("privateIpAddress", i.privateIp)
                .open("groupSet");
        for (String g : i.groupIds) {
            SecurityGroup group = r.groups.get(g);
            x.open("item")
                    .el("groupId", g)
                    .el("groupName", group == null ? null : group.name)
                    .close("item");
        }
        x.close("groupSet").tags(i.tags).close("item").close("instancesSet").close("item");
    }
}
