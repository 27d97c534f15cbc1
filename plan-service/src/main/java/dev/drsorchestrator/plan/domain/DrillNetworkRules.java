package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a plan's drill networks meet, against drs-adapter's network inventory: one per account and Region, at
 * least one security group, a subnet and security groups that exist there, security groups in the subnet's VPC, and
 * a subnet that is not where any of the plan's servers launches in production. Every violation names its field.
 */
public final class DrillNetworkRules {

    /** How many servers a refused production subnet names at most. */
    static final int MAX_NAMED = 5;

    private DrillNetworkRules() {}

    public static List<Violation> check(
            List<DrillNetwork> networks, List<PlanServer> servers, Map<NetworkScope, NetworkInventory> inventories) {
        List<Violation> violations = new ArrayList<>();
        Map<NetworkScope, Integer> first = new HashMap<>();
        for (int i = 0; i < networks.size(); i++) {
            DrillNetwork network = networks.get(i);
            String at = "drillNetworks[" + i + "]";
            NetworkScope scope = new NetworkScope(network.accountId(), network.region());
            Integer earlier = first.putIfAbsent(scope, i);
            if (earlier != null) {
                violations.add(new Violation(
                        at,
                        scope + " already has a drill network at drillNetworks[" + earlier
                                + "]; a plan has at most one per account and Region"));
            }
            if (network.securityGroupIds().isEmpty()) {
                violations.add(new Violation(
                        at + ".securityGroupIds",
                        "a drill network needs at least one security group (of the drill subnet's VPC)"));
            }
            NetworkInventory inventory = inventories.get(scope);
            if (inventory == null) {
                violations.add(new Violation(at, NetworkInventoryChanged.notSynced(scope.accountId(), scope.region())));
                continue;
            }
            Optional<SubnetInfo> subnet = inventory.subnet(network.subnetId());
            if (subnet.isEmpty()) {
                violations.add(new Violation(
                        at + ".subnetId",
                        "subnet " + network.subnetId() + " is not in the network of " + scope + " (as drs-adapter"
                                + " synced it at " + inventory.syncedAt() + "); check the id, account and Region"));
            }
            checkSecurityGroups(network, at, inventory, subnet.orElse(null), violations);
            String production = production(network, scope, servers);
            if (production != null) {
                violations.add(new Violation(
                        at + ".subnetId",
                        "subnet " + network.subnetId() + " is a production subnet of the plan's servers ("
                                + production + "); a drill network must be isolated from production: choose a"
                                + " subnet of an isolated VPC"));
            }
        }
        return violations;
    }

    private static void checkSecurityGroups(
            DrillNetwork network,
            String at,
            NetworkInventory inventory,
            SubnetInfo subnet,
            List<Violation> violations) {
        for (int j = 0; j < network.securityGroupIds().size(); j++) {
            String id = network.securityGroupIds().get(j);
            String field = at + ".securityGroupIds[" + j + "]";
            Optional<SecurityGroupInfo> group = inventory.securityGroup(id);
            if (group.isEmpty()) {
                violations.add(new Violation(
                        field,
                        "security group " + id + " is not in the network of " + inventory.scope()
                                + " (as drs-adapter synced it at " + inventory.syncedAt() + "); check the id"));
            } else if (subnet != null && !group.get().vpcId().equals(subnet.vpcId())) {
                violations.add(new Violation(
                        field,
                        "security group " + id + " is in " + group.get().vpcId() + " but subnet " + subnet.subnetId()
                                + " is in " + subnet.vpcId() + "; a drill network's security groups must be in its"
                                + " subnet's VPC"));
            }
        }
    }

    /** Why the drill subnet is a production subnet of the servers of its scope (null when it is not). */
    private static String production(DrillNetwork network, NetworkScope scope, List<PlanServer> servers) {
        Set<String> reasons = new LinkedHashSet<>();
        for (PlanServer server : servers) {
            if (server.scope().equals(scope)) {
                String why = server.productionSubnets().get(network.subnetId());
                if (why != null) {
                    reasons.add(why);
                }
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        List<String> named = reasons.stream().limit(MAX_NAMED).toList();
        return String.join("; ", named)
                + (reasons.size() > MAX_NAMED ? "; and " + (reasons.size() - MAX_NAMED) + " more" : "");
    }
}
