package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.DrillOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a user defines: targets, drill options, the topic for notifications, and the waves. */
public record PlanDefinition(
        String name,
        @Nullable String description,
        @Nullable Integer rtoSeconds,
        @Nullable Integer rpoSeconds,
        DrillOptions drillOptions,
        @Nullable String notificationTopicArn,
        List<Wave> waves) {

    public PlanDefinition {
        waves = List.copyOf(waves);
    }

    /** Every group the waves use, in wave order. */
    public Set<ProtectionGroupId> groupIds() {
        Set<ProtectionGroupId> ids = new LinkedHashSet<>();
        waves.forEach(w -> ids.addAll(w.protectionGroupIds()));
        return ids;
    }
}
