package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Freezes a plan version into what execution-service runs: dependencies resolved, groups resolved to their members
 * now (with account, region, criticality and hostname). Readiness is not checked here: drs-adapter checks it at
 * launch time, when it matters.
 *
 * <p>A DRILL or RECOVERY runs the plan's graph. A run back to the origin (REPROTECT, FAILBACK) runs the return order:
 * a chain in the plan's {@code failback.waveOrder}, or without one the plan's graph reversed (a wave returns after
 * the waves that depended on it), with its waves listed in that order; servers, actions, failure policy, approval and
 * timeout of each wave stay as they are.
 *
 * <p>A DRILL carries the plan's drill networks (drs-adapter launches into them for that drill only); every other type
 * carries none.
 */
public final class ExecutionSnapshot {

    private ExecutionSnapshot() {}

    /**
     * A request of what the caller asked for.
     *
     * @param recoveryPoint what a person asked to launch from, unchecked; absent: the latest snapshot (and nothing is
     *     sent)
     * @param requestedAt now, against which {@code recoveryPoint.latestBefore} is checked
     */
    public record Request(
            ExecutionId executionId,
            ExecutionType type,
            Trigger trigger,
            String requestedBy,
            @Nullable String comment,
            RequiredApprovals approvals,
            @Nullable RequestedRecoveryPoint recoveryPoint,
            Instant requestedAt) {}

    /** A snapshot without network inventories (no drill network is judged gone). */
    public static ExecutionRequested of(
            RecoveryPlan plan,
            Request request,
            Map<ProtectionGroupId, CatalogGroup> groups,
            Map<SourceServerId, ServerStatus> servers) {
        return of(plan, request, groups, servers, Map.of());
    }

    /**
     * A DRILL carries the plan's drill networks; every other type none.
     *
     * @param networks the network inventories of the plan's drill networks
     * @throws PlanInvalid when the requested recovery point is refused (every problem named)
     * @throws PlanCannotRun when a group is unknown or deleted, or a wave has no servers, or (a DRILL) a drill
     *     network's subnet or security group is no longer in the network inventory
     */
    public static ExecutionRequested of(
            RecoveryPlan plan,
            Request request,
            Map<ProtectionGroupId, CatalogGroup> groups,
            Map<SourceServerId, ServerStatus> servers,
            Map<NetworkScope, NetworkInventory> networks) {
        PlanDefinition definition = plan.definition();
        boolean returning = request.type().returnsToOrigin();
        List<Wave> inOrder = returning ? returnOrder(definition) : definition.waves();
        WaveGraph graph = returning
                ? WaveGraph.returning(definition.waves(), definition.failback().waveOrder())
                : WaveGraph.of(definition.waves());
        List<String> blockers = new ArrayList<>();
        List<WaveSnapshot> waves = new ArrayList<>();
        Set<SourceServerId> planServers = new LinkedHashSet<>();
        for (Wave wave : inOrder) {
            Preflight.groupIssues(wave, groups).stream()
                    .filter(i -> i.problem().equals("UNKNOWN") || i.problem().equals("DELETED"))
                    .forEach(i -> blockers.add(
                            "wave '" + wave.name() + "': " + i.detail() + "; remove it from the plan or restore it"));
            List<ServerSnapshot> members = new ArrayList<>();
            Preflight.members(wave, groups).forEach((server, group) -> {
                ServerStatus status = servers.get(server);
                members.add(new ServerSnapshot(
                        server,
                        group.accountId(),
                        group.region(),
                        wave.criticalityOf(server),
                        status == null ? null : status.hostname()));
                planServers.add(server);
            });
            if (members.isEmpty()) {
                blockers.add("wave '" + wave.name() + "' has no servers: its protection groups have no members");
            }
            waves.add(new WaveSnapshot(
                    wave.id(),
                    wave.name(),
                    graph.dependenciesOf(wave.id()),
                    wave.failurePolicy(),
                    wave.approvalRequired(),
                    wave.waitAfterSeconds(),
                    wave.timeoutMinutes(),
                    wave.protectionGroupIds(),
                    members,
                    wave.preActions(),
                    wave.postActions()));
        }
        RecoveryPoint recoveryPoint = null;
        if (request.recoveryPoint() != null) {
            List<Violation> violations =
                    request.recoveryPoint().check(request.type(), request.requestedAt(), planServers);
            if (!violations.isEmpty()) {
                throw new PlanInvalid(violations);
            }
            recoveryPoint = request.recoveryPoint().value();
        }
        boolean drill = request.type() == ExecutionType.DRILL;
        if (drill) {
            blockers.addAll(LaunchChecks.drillBlockers(definition, networks));
        }
        if (!blockers.isEmpty()) {
            throw new PlanCannotRun(blockers);
        }
        FailbackOptions failback =
                request.type() == ExecutionType.FAILBACK ? definition.failback().options() : null;
        return new ExecutionRequested(
                request.executionId(),
                plan.id(),
                plan.name(),
                plan.version(),
                request.type(),
                request.trigger(),
                request.requestedBy(),
                request.comment(),
                request.approvals().count(),
                request.approvals().reason(),
                definition.rtoSeconds(),
                definition.rpoSeconds(),
                definition.drillOptions(),
                definition.notificationTopicArn(),
                waves,
                recoveryPoint,
                failback,
                drill ? definition.drillNetworks() : List.of());
    }

    /**
     * The plan's waves in the order they return to the origin: the plan's {@code failback.waveOrder} (a wave it
     * leaves out, which validation prevents, goes last), or the plan's list reversed.
     */
    static List<Wave> returnOrder(PlanDefinition definition) {
        List<WaveId> order = definition.failback().waveOrder();
        if (order == null) {
            List<Wave> reversed = new ArrayList<>(definition.waves());
            Collections.reverse(reversed);
            return reversed;
        }
        Map<WaveId, Wave> byId = new LinkedHashMap<>();
        definition.waves().forEach(w -> byId.putIfAbsent(w.id(), w));
        List<Wave> ordered = new ArrayList<>();
        for (WaveId id : order) {
            Wave wave = byId.remove(id);
            if (wave != null) {
                ordered.add(wave);
            }
        }
        ordered.addAll(byId.values());
        return ordered;
    }
}
