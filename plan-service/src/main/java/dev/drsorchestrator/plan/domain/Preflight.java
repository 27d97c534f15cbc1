package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionType;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.WaveAction;
import dev.drsorchestrator.plan.domain.PreflightReport.GroupIssue;
import dev.drsorchestrator.plan.domain.PreflightReport.LaunchFinding;
import dev.drsorchestrator.plan.domain.PreflightReport.ServerIssue;
import dev.drsorchestrator.plan.domain.PreflightReport.WaveCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Works out, without side effects, what running a plan now would meet: readiness, group problems, jobs, RTO. */
public final class Preflight {

    private Preflight() {}

    /** Preflight for no particular execution type, without network inventories. */
    public static PreflightReport run(
            RecoveryPlan plan,
            Map<ProtectionGroupId, CatalogGroup> groups,
            Map<SourceServerId, ServerStatus> servers,
            PreflightSettings settings,
            Instant now) {
        return run(plan, null, groups, servers, Map.of(), settings, now);
    }

    /**
     * @param type the execution type asked about, or null for none in particular (see {@link LaunchChecks})
     * @param networks the network inventories of the plan's accounts and Regions and of its drill networks
     */
    public static PreflightReport run(
            RecoveryPlan plan,
            @Nullable ExecutionType type,
            Map<ProtectionGroupId, CatalogGroup> groups,
            Map<SourceServerId, ServerStatus> servers,
            Map<NetworkScope, NetworkInventory> networks,
            PreflightSettings settings,
            Instant now) {
        PlanDefinition definition = plan.definition();
        WaveGraph graph = WaveGraph.of(definition.waves());
        List<String> blockers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<WaveCheck> checks = new ArrayList<>();
        Map<WaveId, Long> durations = new HashMap<>();
        int serverCount = 0;
        int readyCount = 0;
        for (Wave wave : definition.waves()) {
            List<GroupIssue> groupIssues = groupIssues(wave, groups);
            Map<SourceServerId, CatalogGroup> members = members(wave, groups);
            List<ServerIssue> notReady = new ArrayList<>();
            Map<String, Integer> perScope = new LinkedHashMap<>();
            for (Map.Entry<SourceServerId, CatalogGroup> m : members.entrySet()) {
                ServerIssue issue = readiness(m.getKey(), wave.criticalityOf(m.getKey()), servers, definition);
                if (issue != null) {
                    notReady.add(issue);
                    if (issue.criticality() == Criticality.CRITICAL) {
                        blockers.add("wave '" + wave.name() + "': CRITICAL server " + m.getKey() + " is not ready ("
                                + issue.detail() + ")");
                    }
                } else {
                    perScope.merge(
                            m.getValue().accountId().value() + "/"
                                    + m.getValue().region(),
                            1,
                            Integer::sum);
                }
            }
            for (GroupIssue g : groupIssues) {
                String line = "wave '" + wave.name() + "': " + g.detail();
                if (g.problem().equals("UNKNOWN") || g.problem().equals("DELETED")) {
                    blockers.add(line);
                } else {
                    warnings.add(line);
                }
            }
            if (members.isEmpty()) {
                blockers.add("wave '" + wave.name() + "' has no servers: its protection groups have no members");
            }
            notReady.stream()
                    .filter(i -> i.criticality() == Criticality.OPTIONAL)
                    .forEach(i -> warnings.add("wave '" + wave.name() + "': OPTIONAL server " + i.sourceServerId()
                            + " is not ready and would be left out (" + i.detail() + ")"));
            int ready = members.size() - notReady.size();
            int jobs = perScope.values().stream()
                    .mapToInt(n -> ceilDiv(n, settings.serversPerJob()))
                    .sum();
            int rounds = ready == 0
                    ? 0
                    : Math.max(
                            ceilDiv(jobs, settings.concurrentJobs()), ceilDiv(ready, settings.serversInActiveJobs()));
            long estimate = (long) rounds * settings.launchSeconds()
                    + (long) timedActions(wave) * settings.actionSeconds()
                    + wave.waitAfterSeconds();
            durations.put(wave.id(), estimate);
            serverCount += members.size();
            readyCount += ready;
            checks.add(new WaveCheck(
                    wave.id(),
                    wave.name(),
                    graph.dependenciesOf(wave.id()),
                    members.size(),
                    ready,
                    notReady,
                    groupIssues,
                    jobs,
                    rounds,
                    estimate));
        }
        List<String> information = new ArrayList<>();
        List<LaunchFinding> launch =
                LaunchChecks.run(definition, PlanServer.of(definition, groups, servers), networks, type);
        for (LaunchFinding finding : launch) {
            switch (finding.severity()) {
                case ERROR -> blockers.add(finding.detail());
                case WARNING -> warnings.add(finding.detail());
                case INFORMATION -> information.add(finding.detail());
            }
        }
        if (definition.waves().stream().anyMatch(w -> w.approvalRequired() || hasManualApproval(w))) {
            warnings.add("the RTO estimate leaves out the time approvals wait for an operator");
        }
        long rtoEstimate = graph.criticalPath(id -> durations.getOrDefault(id, 0L));
        Integer rto = definition.rtoSeconds();
        Boolean rtoMet = rto == null ? null : rtoEstimate <= rto;
        if (Boolean.FALSE.equals(rtoMet)) {
            warnings.add("the estimated recovery time " + rtoEstimate + " s is above the RTO target " + rto + " s");
        }
        return new PreflightReport(
                plan.id(),
                plan.version(),
                type,
                blockers.isEmpty(),
                blockers,
                warnings,
                information,
                serverCount,
                readyCount,
                rtoEstimate,
                rto,
                rtoMet,
                checks,
                launch,
                now);
    }

    /** The wave's servers, each with the group that holds it, in group then member order. */
    static Map<SourceServerId, CatalogGroup> members(Wave wave, Map<ProtectionGroupId, CatalogGroup> groups) {
        Map<SourceServerId, CatalogGroup> members = new LinkedHashMap<>();
        for (ProtectionGroupId id : wave.protectionGroupIds()) {
            CatalogGroup g = groups.get(id);
            if (g != null && !g.deleted()) {
                g.members().forEach(s -> members.putIfAbsent(s, g));
            }
        }
        return members;
    }

    /** What is wrong with the wave's groups: unknown or deleted (blocking), empty or in conflict (warnings). */
    static List<GroupIssue> groupIssues(Wave wave, Map<ProtectionGroupId, CatalogGroup> groups) {
        List<GroupIssue> issues = new ArrayList<>();
        for (ProtectionGroupId id : wave.protectionGroupIds()) {
            CatalogGroup g = groups.get(id);
            if (g == null) {
                issues.add(new GroupIssue(
                        id, null, "UNKNOWN", "protection group " + id + " is unknown to the catalog", List.of()));
            } else if (g.deleted()) {
                issues.add(new GroupIssue(
                        id, g.name(), "DELETED", "protection group '" + g.name() + "' was deleted", List.of()));
            } else {
                if (g.members().isEmpty()) {
                    issues.add(new GroupIssue(
                            id,
                            g.name(),
                            "NO_MEMBERS",
                            "protection group '" + g.name() + "' has no members",
                            List.of()));
                }
                if (!g.conflicts().isEmpty()) {
                    issues.add(new GroupIssue(
                            id,
                            g.name(),
                            "CONFLICTS",
                            "protection group '" + g.name() + "' wants "
                                    + g.conflicts().size()
                                    + " server(s) that another group holds; they will not be recovered by this wave",
                            g.conflicts()));
                }
            }
        }
        return issues;
    }

    private static ServerIssue readiness(
            SourceServerId id,
            Criticality criticality,
            Map<SourceServerId, ServerStatus> servers,
            PlanDefinition definition) {
        ServerStatus s = servers.get(id);
        if (s == null) {
            return new ServerIssue(
                    id, null, criticality, "NOT_FOUND", "no inventory sync has reported this server yet");
        }
        if (s.replicationState() != ReplicationState.CONTINUOUS) {
            return new ServerIssue(
                    id,
                    s.hostname(),
                    criticality,
                    "NOT_CONTINUOUS",
                    "replication is " + s.replicationState() + ", not CONTINUOUS");
        }
        Integer rpo = definition.rpoSeconds();
        if (rpo != null && s.lagSeconds() != null && s.lagSeconds() > rpo) {
            return new ServerIssue(
                    id,
                    s.hostname(),
                    criticality,
                    "LAG_ABOVE_RPO",
                    "replication lag " + s.lagSeconds() + " s is above the plan's RPO of " + rpo + " s");
        }
        return null;
    }

    private static int timedActions(Wave wave) {
        return (int) Stream.concat(wave.preActions().stream(), wave.postActions().stream())
                .filter(a -> a.type() != ActionType.MANUAL_APPROVAL)
                .count();
    }

    private static boolean hasManualApproval(Wave wave) {
        return Stream.concat(wave.preActions().stream(), wave.postActions().stream())
                .map(WaveAction::type)
                .anyMatch(t -> t == ActionType.MANUAL_APPROVAL);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
