package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.Ipv4;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Whether requested launch settings can be stored for a group: every problem at once, each naming the request's
 * field. The group's own settings are checked as they stand, then every listed member's effective settings (the
 * group's with its override on top); a problem a group-level value causes for every member is reported once, at the
 * group's field. Pure: the group, the other groups of its account and Region and the network are given.
 */
public final class LaunchRules {

    private LaunchRules() {}

    /** The settings {@code draft} stores once it has no problems. */
    public static GroupLaunchSettings settings(LaunchSettingsDraft draft) {
        Map<SourceServerId, LaunchSettings> servers = new TreeMap<>(GroupDefinition.BY_ID);
        draft.servers().stream()
                .filter(e -> e.sourceServerId() != null)
                .forEach(e -> servers.putIfAbsent(e.sourceServerId(), e.settings()));
        return new GroupLaunchSettings(draft.group(), servers);
    }

    public static List<LaunchProblem> check(
            LaunchSettingsDraft draft,
            ProtectionGroup group,
            Collection<ProtectionGroup> scopeGroups,
            Optional<NetworkInventory> network) {
        Checker checker = new Checker(draft, group, network);
        checker.run(scopeGroups);
        return List.copyOf(checker.problems);
    }

    private static final class Checker {
        private final LaunchSettingsDraft draft;
        private final ProtectionGroup group;
        private final Optional<NetworkInventory> network;
        private final Set<LaunchProblem> problems = new LinkedHashSet<>();

        Checker(LaunchSettingsDraft draft, ProtectionGroup group, Optional<NetworkInventory> network) {
            this.draft = draft;
            this.group = group;
            this.network = network;
            problems.addAll(draft.problems());
        }

        void run(Collection<ProtectionGroup> scopeGroups) {
            LaunchSettings base = draft.group();
            if (base.template().privateIp() != null) {
                add(
                        "group.template.privateIp",
                        "a static private IP belongs to one server, not a group; set it in"
                                + " servers[i].settings.template.privateIp of the server that keeps it");
            }
            List<LaunchSettingsDraft.Entry> members = members();
            effective(base, null);
            for (LaunchSettingsDraft.Entry entry : members) {
                effective(base.overriddenBy(entry.settings()), entry);
            }
            privateIpsUnique(members, scopeGroups);
        }

        /** The entries that name a member, each server once; a problem for every other entry. */
        private List<LaunchSettingsDraft.Entry> members() {
            Map<SourceServerId, LaunchSettingsDraft.Entry> first = new LinkedHashMap<>();
            for (LaunchSettingsDraft.Entry entry : draft.servers()) {
                SourceServerId id = entry.sourceServerId();
                if (id == null) {
                    continue;
                }
                String field = entry.path() + ".sourceServerId";
                if (!group.members().contains(id)) {
                    add(
                            field,
                            "'" + id + "' is not a member of group '" + group.name() + "'; only its members ("
                                    + group.members().size() + ") can have their own launch settings");
                } else if (first.containsKey(id)) {
                    add(
                            field,
                            "'" + id + "' is listed twice (also at "
                                    + first.get(id).path() + ")");
                } else {
                    first.put(id, entry);
                }
            }
            return List.copyOf(first.values());
        }

        /** The checks of one server's effective settings ({@code entry} null: the group's own settings). */
        private void effective(LaunchSettings settings, LaunchSettingsDraft.@Nullable Entry entry) {
            LaunchTemplateSettings t = settings.template();
            Function<String, String> path = field -> templatePath(entry, field);
            if (t.instanceType() != null) {
                RightSizingMethod method = settings.configuration().targetInstanceTypeRightSizingMethod();
                boolean methodFromServer =
                        entry != null && entry.settings().configuration().targetInstanceTypeRightSizingMethod() != null;
                boolean typeFromServer =
                        entry != null && entry.settings().template().instanceType() != null;
                boolean mine = entry == null || methodFromServer || typeFromServer;
                if (method != RightSizingMethod.NONE && mine) {
                    String field = !typeFromServer && methodFromServer
                            ? entry.path() + ".settings.configuration.targetInstanceTypeRightSizingMethod"
                            : path.apply("instanceType");
                    add(
                            field,
                            "DRS launches the template's instanceType only when targetInstanceTypeRightSizingMethod is"
                                    + " NONE, and it is "
                                    + (method == null
                                            ? "not set (DRS keeps its own, BASIC unless changed)"
                                            : method.name())
                                    + (entry == null ? "" : " for server " + entry.sourceServerId())
                                    + ", so DRS would ignore instanceType '" + t.instanceType()
                                    + "'; set targetInstanceTypeRightSizingMethod to NONE");
                }
            }
            boolean ipFromServer = entry != null && entry.settings().template().privateIp() != null;
            if (ipFromServer) {
                String ip = t.privateIp();
                if (Ipv4.parse(ip) < 0) {
                    add(path.apply("privateIp"), "'" + ip + "' is not a dotted-quad IPv4 address such as 10.0.1.25");
                } else if (t.subnetId() == null) {
                    add(
                            path.apply("privateIp"),
                            "a static private IP needs a subnetId (the group's or this server's"
                                    + " template.subnetId) that the address belongs to");
                }
            }
            boolean needsNetwork = t.instanceType() != null
                    || t.subnetId() != null
                    || t.securityGroupIds() != null
                    || (ipFromServer && Ipv4.parse(t.privateIp()) >= 0 && t.subnetId() != null);
            if (!needsNetwork) {
                return;
            }
            if (network.isEmpty()) {
                String hint = NetworkInventoryChanged.notSynced(
                        group.scope().accountId(), group.scope().region());
                for (String field : List.of("instanceType", "subnetId", "securityGroupIds", "privateIp")) {
                    if (sets(t, field) && (!field.equals("privateIp") || ipFromServer)) {
                        add(path.apply(field), hint);
                    }
                }
                return;
            }
            networkChecks(network.get(), t, entry, path, ipFromServer);
        }

        private void networkChecks(
                NetworkInventory net,
                LaunchTemplateSettings t,
                LaunchSettingsDraft.@Nullable Entry entry,
                Function<String, String> path,
                boolean ipFromServer) {
            String where = group.scope().toString();
            if (t.instanceType() != null && !net.offers(t.instanceType())) {
                add(
                        path.apply("instanceType"),
                        "instance type '" + t.instanceType() + "' is not offered in " + where
                                + " (drs-adapter's network sync of " + net.syncedAt() + ")");
            }
            SubnetInfo subnet = null;
            if (t.subnetId() != null) {
                subnet = net.subnet(t.subnetId()).orElse(null);
                if (subnet == null) {
                    add(path.apply("subnetId"), "subnet '" + t.subnetId() + "' does not exist in " + where);
                }
            }
            if (t.securityGroupIds() != null) {
                List<String> ids = t.securityGroupIds();
                for (int k = 0; k < ids.size(); k++) {
                    String field = path.apply("securityGroupIds") + "[" + k + "]";
                    SecurityGroupInfo sg = net.securityGroup(ids.get(k)).orElse(null);
                    if (sg == null) {
                        add(field, "security group '" + ids.get(k) + "' does not exist in " + where);
                    } else if (subnet != null && !sg.vpcId().equals(subnet.vpcId())) {
                        add(
                                field,
                                "security group '" + sg.groupId() + "' is in " + sg.vpcId() + " but subnet '"
                                        + subnet.subnetId() + "' is in " + subnet.vpcId()
                                        + "; a recovery instance's security groups must be in its subnet's VPC");
                    }
                }
            }
            if (ipFromServer && subnet != null && Ipv4.parse(t.privateIp()) >= 0) {
                String ip = t.privateIp();
                String field = path.apply("privateIp");
                if (!subnet.contains(ip)) {
                    add(
                            field,
                            ip + " is outside subnet '" + subnet.subnetId() + "' (" + subnet.cidrBlock()
                                    + "); choose an address in its CIDR block");
                } else if (reserved(ip, subnet.cidrBlock())) {
                    add(
                            field,
                            ip + " is reserved by AWS in subnet '" + subnet.subnetId() + "' (" + subnet.cidrBlock()
                                    + "): the first four addresses and the last one cannot be assigned");
                }
            }
        }

        private void privateIpsUnique(List<LaunchSettingsDraft.Entry> members, Collection<ProtectionGroup> scope) {
            Map<Long, LaunchSettingsDraft.Entry> mine = new LinkedHashMap<>();
            Map<Long, String> elsewhere = new TreeMap<>();
            for (ProtectionGroup other : scope) {
                if (other.id().equals(group.id())) {
                    continue;
                }
                other.launch().servers().keySet().forEach(server -> {
                    long ip = Ipv4.parse(
                            other.launch().effective(server).template().privateIp());
                    if (ip >= 0) {
                        elsewhere.putIfAbsent(
                                ip, "server " + server + " in group '" + other.name() + "' (" + other.id() + ")");
                    }
                });
            }
            for (LaunchSettingsDraft.Entry entry : members) {
                String text = entry.settings().template().privateIp();
                long ip = Ipv4.parse(text);
                if (ip < 0) {
                    continue;
                }
                String field = entry.path() + ".settings.template.privateIp";
                LaunchSettingsDraft.Entry before = mine.putIfAbsent(ip, entry);
                if (before != null) {
                    add(
                            field,
                            text + " is also the private IP of " + before.path() + " (" + before.sourceServerId()
                                    + "); each server needs its own address");
                } else if (elsewhere.containsKey(ip)) {
                    add(
                            field,
                            text + " is already the private IP of " + elsewhere.get(ip) + " in " + group.scope()
                                    + "; each server needs its own address");
                }
            }
        }

        private String templatePath(LaunchSettingsDraft.@Nullable Entry entry, String field) {
            if (entry != null && sets(entry.settings().template(), field)) {
                return entry.path() + ".settings.template." + field;
            }
            return "group.template." + field;
        }

        private static boolean sets(LaunchTemplateSettings t, String field) {
            return switch (field) {
                case "instanceType" -> t.instanceType() != null;
                case "subnetId" -> t.subnetId() != null;
                case "securityGroupIds" -> t.securityGroupIds() != null;
                case "privateIp" -> t.privateIp() != null;
                default -> t.tags() != null;
            };
        }

        private void add(String field, String reason) {
            problems.add(new LaunchProblem(field, reason));
        }
    }

    /** The first four addresses of a subnet and its last one, which AWS keeps for itself. */
    static boolean reserved(String ip, String cidrBlock) {
        long[] net = Ipv4.cidr(cidrBlock);
        long addr = Ipv4.parse(ip);
        if (net == null || addr < 0) {
            return false;
        }
        long first = net[0] & net[1];
        long last = first | (~net[1] & 0xFFFFFFFFL);
        return addr - first < 4 || addr == last;
    }
}
