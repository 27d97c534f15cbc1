package dev.drsorchestrator.devstack.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Cidr;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Instance;
import dev.drsorchestrator.devstack.ec2.Ec2Model.RegionState;
import dev.drsorchestrator.devstack.ec2.Ec2Model.SecurityGroup;
import dev.drsorchestrator.devstack.ec2.Ec2Model.State;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Subnet;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Vpc;
import dev.drsorchestrator.devstack.ec2.Instances.InstanceSpec;
import dev.drsorchestrator.devstack.ec2.Instances.InstanceView;
import dev.drsorchestrator.devstack.ec2.LaunchTemplates.Template;
import dev.drsorchestrator.devstack.ec2.LaunchTemplates.TemplateData;
import dev.drsorchestrator.devstack.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * devstack's EC2: per account and Region, a seeded network (see {@link SeededNetwork}), launch templates and
 * instances. One lock guards it all. The wire is {@link Ec2Service}; the DRS simulator launches its recovery
 * instances through {@link #runInstance}.
 */
public final class Ec2 {
    /** The instance types every Region offers, but for {@link #NOT_OFFERED}. */
    public static final List<String> INSTANCE_TYPES = List.of(
            "t3.micro",
            "t3.small",
            "t3.medium",
            "t3.large",
            "m5.large",
            "m5.xlarge",
            "c5.large",
            "r5.large",
            "r5.xlarge");

    /** Types a Region lacks, so tests can see "not offered": {@code eu-north-1} has no {@code r5.large}. */
    public static final Map<String, Set<String>> NOT_OFFERED = Map.of("eu-north-1", Set.of("r5.large"));

    private final Clock clock;
    // guarded by this
    private final Map<String, RegionState> regions = new TreeMap<>();

    public Ec2(Clock clock) {
        this.clock = clock;
    }

    public static boolean offered(String region, String instanceType) {
        return INSTANCE_TYPES.contains(instanceType)
                && !NOT_OFFERED.getOrDefault(region, Set.of()).contains(instanceType);
    }

    /**
     * The ids of the network every account and Region starts with. They depend only on the account and Region, so
     * they are the same every run: VPC {@code production} 10.0.0.0/16 with subnets {@code production-a} 10.0.0.0/18
     * (zone a) and {@code production-b} 10.0.64.0/18 (zone b) and security groups {@code default},
     * {@code production-web}, {@code production-db}; VPC {@code drill-isolated}, also 10.0.0.0/16 (an isolated copy for
     * drills), with subnet {@code drill-a} 10.0.0.0/18 (zone a) and security groups {@code default} and
     * {@code drill-isolated}.
     */
    public record SeededNetwork(
            String account,
            String region,
            String productionVpc,
            String productionSubnetA,
            String productionSubnetB,
            String productionDefaultGroup,
            String productionWebGroup,
            String productionDbGroup,
            String drillVpc,
            String drillSubnetA,
            String drillDefaultGroup,
            String drillIsolatedGroup) {

        public ObjectNode json() {
            return Json.MAPPER.valueToTree(this);
        }
    }

    public static SeededNetwork seededNetwork(String account, String region) {
        return new SeededNetwork(
                account,
                region,
                vpcId(account, region, "production"),
                subnetId(account, region, "production-a"),
                subnetId(account, region, "production-b"),
                groupId(account, region, "production", "default"),
                groupId(account, region, "production", "production-web"),
                groupId(account, region, "production", "production-db"),
                vpcId(account, region, "drill-isolated"),
                subnetId(account, region, "drill-a"),
                groupId(account, region, "drill-isolated", "default"),
                groupId(account, region, "drill-isolated", "drill-isolated"));
    }

    private static String vpcId(String account, String region, String name) {
        return Ec2Model.id("vpc-", account, region, "vpc", name);
    }

    private static String subnetId(String account, String region, String name) {
        return Ec2Model.id("subnet-", account, region, "subnet", name);
    }

    private static String groupId(String account, String region, String vpc, String name) {
        return Ec2Model.id("sg-", account, region, "security-group", vpc, name);
    }

    /** Forgets every Region: the next use seeds it again, with the same ids. */
    public synchronized void reset() {
        regions.clear();
    }

    Instant now() {
        return Instant.now(clock);
    }

    /** Runs {@code action} on one account and Region's state (seeded on first use), under the lock. */
    synchronized <T> T apply(String account, String region, Function<RegionState, T> action) {
        return action.apply(state(account, region));
    }

    private RegionState state(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region, k -> seed(new RegionState(account, region)));
    }

    private static RegionState seed(RegionState r) {
        String a = r.account;
        String g = r.region;
        Vpc production = vpc(r, vpcId(a, g, "production"), "production");
        subnet(r, production, subnetId(a, g, "production-a"), "production-a", "10.0.0.0/18", g + "a");
        subnet(r, production, subnetId(a, g, "production-b"), "production-b", "10.0.64.0/18", g + "b");
        group(r, production, "default", "default VPC security group");
        group(r, production, "production-web", "web tier");
        group(r, production, "production-db", "database tier");
        Vpc drill = vpc(r, vpcId(a, g, "drill-isolated"), "drill-isolated");
        subnet(r, drill, subnetId(a, g, "drill-a"), "drill-a", "10.0.0.0/18", g + "a");
        group(r, drill, "default", "default VPC security group");
        group(r, drill, "drill-isolated", "isolated drill network");
        return r;
    }

    private static Vpc vpc(RegionState r, String id, String name) {
        Vpc v = new Vpc(id, Cidr.parse("10.0.0.0/16", "CidrBlock"));
        v.tags.put("Name", name);
        r.vpcs.put(id, v);
        return v;
    }

    private static void subnet(RegionState r, Vpc vpc, String id, String name, String cidr, String zone) {
        Subnet s = new Subnet(id, vpc.id, Cidr.parse(cidr, "CidrBlock"), zone);
        s.tags.put("Name", name);
        r.subnets.put(id, s);
    }

    private static void group(RegionState r, Vpc vpc, String name, String description) {
        SecurityGroup s =
                new SecurityGroup(groupId(r.account, r.region, vpc.tags.get("Name"), name), vpc.id, name, description);
        s.tags.put("Name", name);
        r.groups.put(s.id, s);
    }

    // ---- for the DRS simulator and tests

    /** The id of the launch template named {@code name}, created with {@code data} as version 1 when absent. */
    public synchronized String launchTemplate(String account, String region, String name, TemplateData data) {
        RegionState r = state(account, region);
        Template t = LaunchTemplates.byName(r, name);
        if (t == null) {
            t = LaunchTemplates.create(r, name, "created by DRS", data, Map.of(), now());
        }
        return t.id;
    }

    /** A launch template's version as read at one moment. */
    public record TemplateVersion(String templateId, String templateName, long number, TemplateData data) {}

    /** The template's default version now, or null when there is no such template in that account and Region. */
    public synchronized @Nullable TemplateVersion defaultVersion(String account, String region, String templateId) {
        Template t = state(account, region).templates.get(templateId);
        if (t == null) {
            return null;
        }
        var v = t.version("$Default");
        return new TemplateVersion(t.id, t.name, v.number(), v.data());
    }

    /**
     * Launches an instance as RunInstances would check it. Throws an EC2 error ({@code InvalidSubnetID.NotFound},
     * {@code InvalidGroup.NotFound}, {@code InvalidParameter}, {@code InvalidParameterValue},
     * {@code InvalidIPAddress.InUse}, {@code InsufficientFreeAddressesInSubnet}, {@code Unsupported}) whose message
     * names the reason.
     */
    public synchronized InstanceView runInstance(String account, String region, InstanceSpec spec) {
        return InstanceView.of(Instances.run(state(account, region), spec, now()));
    }

    /** Sets an instance's state by EC2's name ({@code shutting-down}, {@code terminated} …); unknown ids are ignored. */
    public synchronized void setState(String account, String region, String instanceId, String state) {
        Instance i = state(account, region).instances.get(instanceId);
        if (i != null && i.state != State.TERMINATED) {
            i.state = State.valueOf(state.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** Every instance in an account and Region, terminated ones too. */
    public synchronized List<InstanceView> instances(String account, String region) {
        return state(account, region).instances.values().stream()
                .map(InstanceView::of)
                .toList();
    }

    public synchronized @Nullable InstanceView instance(String account, String region, String instanceId) {
        Instance i = state(account, region).instances.get(instanceId);
        return i == null ? null : InstanceView.of(i);
    }
}
