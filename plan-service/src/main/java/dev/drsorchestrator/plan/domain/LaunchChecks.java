package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.LaunchDrift;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.plan.domain.PreflightReport.LaunchFinding;
import dev.drsorchestrator.plan.domain.PreflightReport.LaunchFinding.Check;
import dev.drsorchestrator.plan.domain.PreflightReport.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Preflight's launch checks: launch drift (what a server would launch with now against its group's settings) and the
 * plan's drill networks (missing for an account and Region, gone from the network, not isolated, a static IP outside
 * the drill subnet). Severities are for the execution type asked: the drill checks concern a DRILL only (without a
 * type they are shown, but block nothing), drift concerns the launches of a DRILL or RECOVERY.
 */
public final class LaunchChecks {

    private LaunchChecks() {}

    public static List<LaunchFinding> run(
            PlanDefinition plan,
            List<PlanServer> servers,
            Map<NetworkScope, NetworkInventory> inventories,
            @Nullable ExecutionType type) {
        List<LaunchFinding> findings = new ArrayList<>();
        if (type == null || !type.returnsToOrigin()) {
            servers.forEach(s -> drift(s, findings));
        }
        if (type == null || type == ExecutionType.DRILL) {
            boolean drill = type == ExecutionType.DRILL;
            for (NetworkScope scope : PlanServer.scopes(servers)) {
                if (plan.drillNetwork(scope).isEmpty()) {
                    findings.add(new LaunchFinding(
                            drill ? Severity.WARNING : Severity.INFORMATION,
                            Check.NO_DRILL_NETWORK,
                            scope.accountId().value(),
                            scope.region(),
                            null,
                            "drills of this plan launch the servers of " + scope + " with their production launch"
                                    + " settings: no drill network is set for it; add one to the plan's"
                                    + " drillNetworks to keep drills off the production network"));
                }
            }
            for (int i = 0; i < plan.drillNetworks().size(); i++) {
                DrillNetwork network = plan.drillNetworks().get(i);
                NetworkScope scope = new NetworkScope(network.accountId(), network.region());
                NetworkInventory inventory = inventories.get(scope);
                if (inventory == null) {
                    continue;
                }
                String at = "drill network of " + scope + " (drillNetworks[" + i + "])";
                for (String gone : gone(network, inventory)) {
                    findings.add(new LaunchFinding(
                            drill ? Severity.ERROR : Severity.WARNING,
                            Check.DRILL_NETWORK_GONE,
                            scope.accountId().value(),
                            scope.region(),
                            null,
                            at + ": " + gone + "; drills cannot launch there: set another one in the plan's"
                                    + " drillNetworks"));
                }
                Optional<SubnetInfo> subnet = inventory.subnet(network.subnetId());
                if (subnet.isPresent()) {
                    List<PlanServer> inScope = servers.stream()
                            .filter(s -> s.scope().equals(scope))
                            .toList();
                    isolation(at, subnet.get(), inScope, inventory, findings);
                    staticIps(subnet.get(), inScope, findings);
                }
            }
        }
        return findings;
    }

    /**
     * Why a DRILL of the plan cannot launch in its drill networks: a subnet or security group that is no longer in
     * the network drs-adapter last synced (a scope never synced is not judged).
     */
    public static List<String> drillBlockers(PlanDefinition plan, Map<NetworkScope, NetworkInventory> inventories) {
        List<String> blockers = new ArrayList<>();
        for (int i = 0; i < plan.drillNetworks().size(); i++) {
            DrillNetwork network = plan.drillNetworks().get(i);
            NetworkScope scope = new NetworkScope(network.accountId(), network.region());
            NetworkInventory inventory = inventories.get(scope);
            if (inventory != null) {
                for (String gone : gone(network, inventory)) {
                    blockers.add("drill network of " + scope + " (drillNetworks[" + i + "]): " + gone
                            + "; set another one in the plan's drillNetworks");
                }
            }
        }
        return blockers;
    }

    private static List<String> gone(DrillNetwork network, NetworkInventory inventory) {
        List<String> gone = new ArrayList<>();
        String since = " is no longer in the network drs-adapter synced at " + inventory.syncedAt();
        if (inventory.subnet(network.subnetId()).isEmpty()) {
            gone.add("subnet " + network.subnetId() + since);
        }
        for (String group : network.securityGroupIds()) {
            if (inventory.securityGroup(group).isEmpty()) {
                gone.add("security group " + group + since);
            }
        }
        return gone;
    }

    private static void drift(PlanServer server, List<LaunchFinding> findings) {
        if (server.observed() == null || server.desired().managesNothing()) {
            return;
        }
        for (LaunchDrift drift : server.desired().driftOf(server.observed())) {
            findings.add(new LaunchFinding(
                    Severity.WARNING,
                    Check.LAUNCH_DRIFT,
                    server.scope().accountId().value(),
                    server.scope().region(),
                    server.id().value(),
                    drift.describe(
                                    server.id().value(),
                                    "its group '" + server.group().name() + "'")
                            + ": drs-adapter re-applies the group's launch settings before the wave launches; if"
                            + " this keeps coming back, find what changes the server's launch template or DRS launch"
                            + " configuration"));
        }
    }

    /** One warning when a production subnet of the servers is in the drill subnet's VPC. */
    private static void isolation(
            String at,
            SubnetInfo drill,
            List<PlanServer> servers,
            NetworkInventory inventory,
            List<LaunchFinding> findings) {
        for (PlanServer server : servers) {
            for (String production : server.productionSubnets().keySet()) {
                Optional<SubnetInfo> subnet = inventory.subnet(production);
                if (subnet.isPresent() && subnet.get().vpcId().equals(drill.vpcId())) {
                    findings.add(new LaunchFinding(
                            Severity.WARNING,
                            Check.DRILL_NETWORK_NOT_ISOLATED,
                            inventory.scope().accountId().value(),
                            inventory.scope().region(),
                            server.id().value(),
                            at + " is not isolated: same VPC " + drill.vpcId() + " as production (server "
                                    + server.id() + " launches into " + production + "); use a subnet of a VPC"
                                    + " without a route to production"));
                    return;
                }
            }
        }
    }

    private static void staticIps(SubnetInfo drill, List<PlanServer> servers, List<LaunchFinding> findings) {
        for (PlanServer server : servers) {
            String ip = server.desired().template().privateIp();
            if (ip != null && !drill.contains(ip)) {
                findings.add(new LaunchFinding(
                        Severity.INFORMATION,
                        Check.STATIC_IP_OUTSIDE_DRILL_SUBNET,
                        server.scope().accountId().value(),
                        server.scope().region(),
                        server.id().value(),
                        "the drill launches server " + server.id() + " without its static IP " + ip + ": it is not"
                                + " inside drill subnet " + drill.subnetId() + " (" + drill.cidrBlock() + "); the"
                                + " drill instance gets an address of the drill subnet"));
            }
        }
    }
}
