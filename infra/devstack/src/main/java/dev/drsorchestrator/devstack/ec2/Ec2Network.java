package dev.drsorchestrator.devstack.ec2;

import static dev.drsorchestrator.devstack.ec2.Ec2Model.error;

import dev.drsorchestrator.devstack.ec2.Ec2Model.Cidr;
import dev.drsorchestrator.devstack.ec2.Ec2Model.RegionState;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Resource;
import dev.drsorchestrator.devstack.ec2.Ec2Model.SecurityGroup;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Subnet;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VPCs, subnets and security groups: Describe (ids and filters), Create (enough for a test to build another network),
 * CreateTags, and DescribeInstanceTypeOfferings.
 */
final class Ec2Network {
    private Ec2Network() {}

    private static <T extends Resource> void checkIds(
            Map<String, T> all, List<String> ids, String code, String what, RegionState r) {
        for (String id : ids) {
            if (!all.containsKey(id)) {
                throw error(code, "The " + what + " '" + id + "' does not exist in " + r.where() + ".");
            }
        }
    }

    static Ec2Xml describeVpcs(RegionState r, Params p) {
        List<String> ids = p.list("VpcId");
        checkIds(r.vpcs, ids, "InvalidVpcID.NotFound", "vpc ID", r);
        Params.Filters filters = p.filters();
        Ec2Xml x = new Ec2Xml().open("vpcSet");
        for (Vpc v : r.vpcs.values()) {
            if ((ids.isEmpty() || ids.contains(v.id))
                    && filters.match(v.tags, f -> switch (f) {
                        case "vpc-id" -> List.of(v.id);
                        case "cidr", "cidr-block", "cidr-block-association.cidr-block" -> List.of(v.cidr.toString());
                        case "state" -> List.of("available");
                        case "is-default" -> List.of("false");
                        case "owner-id" -> List.of(r.account);
                        default -> null;
                    })) {
                vpc(x, "item", r, v);
            }
        }
        return x.close("vpcSet");
    }

    private static void vpc(Ec2Xml x, String element, RegionState r, Vpc v) {
        x.open(element)
                .el("vpcId", v.id)
                .el("ownerId", r.account)
                .el("state", "available")
                .el("cidrBlock", v.cidr.toString())
                .el("instanceTenancy", "default")
                .el("isDefault", false)
                .tags(v.tags)
                .close(element);
    }

    static Ec2Xml describeSubnets(RegionState r, Params p) {
        List<String> ids = p.list("SubnetId");
        checkIds(r.subnets, ids, "InvalidSubnetID.NotFound", "subnet ID", r);
        Params.Filters filters = p.filters();
        Ec2Xml x = new Ec2Xml().open("subnetSet");
        for (Subnet s : r.subnets.values()) {
            if ((ids.isEmpty() || ids.contains(s.id))
                    && filters.match(s.tags, f -> switch (f) {
                        case "subnet-id" -> List.of(s.id);
                        case "vpc-id" -> List.of(s.vpcId);
                        case "availability-zone" -> List.of(s.availabilityZone);
                        case "cidr-block", "cidr" -> List.of(s.cidr.toString());
                        case "state" -> List.of("available");
                        case "owner-id" -> List.of(r.account);
                        default -> null;
                    })) {
                subnet(x, "item", r, s);
            }
        }
        return x.close("subnetSet");
    }

    private static void subnet(Ec2Xml x, String element, RegionState r, Subnet s) {
        x.open(element)
                .el("subnetId", s.id)
                .el("subnetArn", "arn:aws:ec2:" + r.region + ":" + r.account + ":subnet/" + s.id)
                .el("state", "available")
                .el("ownerId", r.account)
                .el("vpcId", s.vpcId)
                .el("cidrBlock", s.cidr.toString())
                .el(
                        "availableIpAddressCount",
                        s.cidr.size() - 5 - r.instancesIn(s.id).size())
                .el("availabilityZone", s.availabilityZone)
                .el("defaultForAz", false)
                .el("mapPublicIpOnLaunch", false)
                .tags(s.tags)
                .close(element);
    }

    static Ec2Xml describeSecurityGroups(RegionState r, Params p) {
        List<String> ids = p.list("GroupId");
        List<String> names = p.list("GroupName");
        checkIds(r.groups, ids, "InvalidGroup.NotFound", "security group", r);
        for (String name : names) {
            if (r.groups.values().stream().noneMatch(g -> g.name.equals(name))) {
                throw error(
                        "InvalidGroup.NotFound",
                        "The security group '" + name + "' does not exist in " + r.where() + ".");
            }
        }
        Params.Filters filters = p.filters();
        Ec2Xml x = new Ec2Xml().open("securityGroupInfo");
        for (SecurityGroup g : r.groups.values()) {
            if ((ids.isEmpty() || ids.contains(g.id))
                    && (names.isEmpty() || names.contains(g.name))
                    && filters.match(g.tags, f -> switch (f) {
                        case "group-id" -> List.of(g.id);
                        case "group-name" -> List.of(g.name);
                        case "vpc-id" -> List.of(g.vpcId);
                        case "description" -> List.of(g.description);
                        case "owner-id" -> List.of(r.account);
                        default -> null;
                    })) {
                x.open("item")
                        .el("ownerId", r.account)
                        .el("groupId", g.id)
                        .el("groupName", g.name)
                        .el("groupDescription", g.description)
                        .el("vpcId", g.vpcId)
                        .el("securityGroupArn", groupArn(r, g))
                        .tags(g.tags)
                        .close("item");
            }
        }
        return x.close("securityGroupInfo");
    }

    private static String groupArn(RegionState r, SecurityGroup g) {
        return "arn:aws:ec2:" + r.region + ":" + r.account + ":security-group/" + g.id;
    }

    static Ec2Xml createVpc(RegionState r, Params p) {
        Cidr cidr = Cidr.parse(p.required("CidrBlock"), "CidrBlock");
        if (cidr.prefix() < 16 || cidr.prefix() > 28) {
            throw error("InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid: a VPC is a /16 to a /28.");
        }
        Vpc v = new Vpc(r.newId("vpc-", "vpc"), cidr);
        v.tags.putAll(p.tagSpecifications("vpc"));
        r.vpcs.put(v.id, v);
        Ec2Xml x = new Ec2Xml();
        vpc(x, "vpc", r, v);
        return x;
    }

    static Ec2Xml createSubnet(RegionState r, Params p) {
        String vpcId = p.required("VpcId");
        Vpc vpc = r.vpcs.get(vpcId);
        if (vpc == null) {
            throw error("InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist in " + r.where() + ".");
        }
        Cidr cidr = Cidr.parse(p.required("CidrBlock"), "CidrBlock");
        if (!vpc.cidr.contains(cidr) || cidr.prefix() > 28) {
            throw error(
                    "InvalidSubnet.Range",
                    "The CIDR '" + cidr + "' is invalid: it must be a /16 to /28 inside the VPC's " + vpc.cidr + ".");
        }
        for (Subnet other : r.subnets.values()) {
            if (other.vpcId.equals(vpcId) && other.cidr.overlaps(cidr)) {
                throw error("InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
            }
        }
        String zone = p.get("AvailabilityZone");
        if (zone == null) {
            zone = r.region + "a";
        } else if (!zone.startsWith(r.region) || zone.length() != r.region.length() + 1) {
            throw error(
                    "InvalidParameterValue",
                    "Value (" + zone + ") for parameter availabilityZone is invalid. Subnets can currently only be"
                            + " created in the following availability zones: " + r.region + "a, " + r.region + "b, "
                            + r.region + "c.");
        }
        Subnet s = new Subnet(r.newId("subnet-", "subnet"), vpcId, cidr, zone);
        s.tags.putAll(p.tagSpecifications("subnet"));
        r.subnets.put(s.id, s);
        Ec2Xml x = new Ec2Xml();
        subnet(x, "subnet", r, s);
        return x;
    }

    static Ec2Xml createSecurityGroup(RegionState r, Params p) {
        String name = p.required("GroupName");
        String description = p.required("GroupDescription");
        String vpcId = p.get("VpcId");
        if (vpcId == null) {
            throw error("VPCIdNotSpecified", "No default VPC for this user in " + r.where() + ": give a VpcId.");
        }
        if (!r.vpcs.containsKey(vpcId)) {
            throw error("InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist in " + r.where() + ".");
        }
        for (SecurityGroup g : r.groups.values()) {
            if (g.vpcId.equals(vpcId) && g.name.equals(name)) {
                throw error(
                        "InvalidGroup.Duplicate",
                        "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
            }
        }
        SecurityGroup g = new SecurityGroup(r.newId("sg-", "security-group"), vpcId, name, description);
        g.tags.putAll(p.tagSpecifications("security-group"));
        r.groups.put(g.id, g);
        return new Ec2Xml().el("return", true).el("groupId", g.id).tags(g.tags).el("securityGroupArn", groupArn(r, g));
    }

    static Ec2Xml createTags(RegionState r, Params p) {
        List<String> ids = p.list("ResourceId");
        if (ids.isEmpty()) {
            throw error("MissingParameter", "The request must contain the parameter ResourceId.");
        }
        List<Resource> targets = new ArrayList<>();
        for (String id : ids) {
            Resource res = r.resource(id);
            if (res == null) {
                String code = id.startsWith("vpc-")
                        ? "InvalidVpcID.NotFound"
                        : id.startsWith("subnet-")
                                ? "InvalidSubnetID.NotFound"
                                : id.startsWith("sg-")
                                        ? "InvalidGroup.NotFound"
                                        : id.startsWith("i-")
                                                ? "InvalidInstanceID.NotFound"
                                                : id.startsWith("lt-")
                                                        ? "InvalidLaunchTemplateId.NotFound"
                                                        : "InvalidID";
                throw error(code, "The ID '" + id + "' does not exist in " + r.where() + ".");
            }
            targets.add(res);
        }
        Map<String, String> tags = p.tags("Tag");
        targets.forEach(t -> t.tags.putAll(tags));
        return new Ec2Xml().el("return", true);
    }

    static Ec2Xml describeInstanceTypeOfferings(RegionState r, Params p) {
        String type = p.get("LocationType") == null ? "region" : p.get("LocationType");
        List<String> locations =
                switch (type) {
                    case "region" -> List.of(r.region);
                    case "availability-zone" -> List.of(r.region + "a", r.region + "b", r.region + "c");
                    default ->
                        throw error(
                                "InvalidParameterValue",
                                "Value (" + type + ") for parameter LocationType is invalid: devstack offers region"
                                        + " and availability-zone.");
                };
        Params.Filters filters = p.filters();
        Ec2Xml x = new Ec2Xml().open("instanceTypeOfferingSet");
        for (String location : locations) {
            for (String t : Ec2.INSTANCE_TYPES) {
                if (Ec2.offered(r.region, t)
                        && filters.match(Map.of(), f -> switch (f) {
                            case "instance-type" -> List.of(t);
                            case "location" -> List.of(location);
                            default -> null;
                        })) {
                    x.open("item")
                            .el("instanceType", t)
                            .el("locationType", type)
                            .el("location", location)
                            .close("item");
                }
            }
        }
        return x.close("instanceTypeOfferingSet");
    }
}
