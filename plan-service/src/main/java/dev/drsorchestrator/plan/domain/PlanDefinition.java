package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user defines: targets, drill options, the topic for notifications, how many approvals each execution type
 * needs, and the waves.
 *
 * @param requiredApprovals per execution type, how many distinct people other than the requester must approve an
 *     execution before its first wave; every type present (the defaults, {@link RequiredApprovals#DEFAULTS}, fill
 *     in what was not given, also for plans stored before the field existed)
 * @param failback how the plan returns to its origin (REPROTECT, FAILBACK); {@link FailbackSettings#DEFAULTS} when
 *     not given, also for plans stored before the field existed
 * @param drillNetworks where the plan's drills launch, at most one per account and Region; empty when none (also
 *     for plans stored before the field existed): drills launch with the servers' production launch settings
 */
public record PlanDefinition(
        String name,
        @Nullable String description,
        @Nullable Integer rtoSeconds,
        @Nullable Integer rpoSeconds,
        DrillOptions drillOptions,
        @Nullable String notificationTopicArn,
        @Nullable Map<ExecutionType, Integer> requiredApprovals,
        List<Wave> waves,
        @Nullable FailbackSettings failback,
        @Nullable List<DrillNetwork> drillNetworks) {

    public PlanDefinition {
        requiredApprovals = RequiredApprovals.withDefaults(requiredApprovals);
        waves = List.copyOf(waves);
        failback = failback == null ? FailbackSettings.DEFAULTS : failback;
        drillNetworks = drillNetworks == null ? List.of() : List.copyOf(drillNetworks);
    }

    /** A definition without drill networks. */
    public PlanDefinition(
            String name,
            @Nullable String description,
            @Nullable Integer rtoSeconds,
            @Nullable Integer rpoSeconds,
            DrillOptions drillOptions,
            @Nullable String notificationTopicArn,
            @Nullable Map<ExecutionType, Integer> requiredApprovals,
            List<Wave> waves,
            @Nullable FailbackSettings failback) {
        this(
                name,
                description,
                rtoSeconds,
                rpoSeconds,
                drillOptions,
                notificationTopicArn,
                requiredApprovals,
                waves,
                failback,
                null);
    }

    /** The plan's drill network for {@code scope}, if it has one. */
    public Optional<DrillNetwork> drillNetwork(NetworkScope scope) {
        return drillNetworks.stream()
                .filter(n -> n.covers(scope.accountId(), scope.region()))
                .findFirst();
    }

    /** How many approvals an execution of {@code type} needs. */
    public int requiredApprovals(ExecutionType type) {
        Integer n = requiredApprovals.get(type);
        return n == null ? RequiredApprovals.DEFAULTS.get(type) : n;
    }

    /** Every group the waves use, in wave order. */
    public Set<ProtectionGroupId> groupIds() {
        Set<ProtectionGroupId> ids = new LinkedHashSet<>();
        waves.forEach(w -> ids.addAll(w.protectionGroupIds()));
        return ids;
    }
}
