package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Freezes a plan version into what execution-service runs: dependencies resolved, groups resolved to their members
 * now (with account, region, criticality and hostname). Readiness is not checked here: drs-adapter checks it at
 * launch time, when it matters.
 */
public final class ExecutionSnapshot {

    private ExecutionSnapshot() {}

    /** A request of what the caller asked for. */
    public record Request(
            ExecutionId executionId,
            ExecutionType type,
            Trigger trigger,
            String requestedBy,
            @Nullable String comment,
            RequiredApprovals approvals) {}

    /** @throws PlanCannotRun when a group is unknown or deleted, or a wave has no servers */
    public static ExecutionRequested of(
            RecoveryPlan plan,
            Request request,
            Map<ProtectionGroupId, CatalogGroup> groups,
            Map<SourceServerId, ServerStatus> servers) {
        PlanDefinition definition = plan.definition();
        WaveGraph graph = WaveGraph.of(definition.waves());
        List<String> blockers = new ArrayList<>();
        List<WaveSnapshot> waves = new ArrayList<>();
        for (Wave wave : definition.waves()) {
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
        if (!blockers.isEmpty()) {
            throw new PlanCannotRun(blockers);
        }
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
                waves);
    }
}
