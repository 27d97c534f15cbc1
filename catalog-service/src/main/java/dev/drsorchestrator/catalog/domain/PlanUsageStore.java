package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import java.util.List;
import java.util.Set;

/** Which recovery plans use which groups, from plan-service's events. */
public interface PlanUsageStore {

    /**
     * Applies a plan's state at {@code version} (its groups, or deleted) unless a newer version was applied;
     * records {@code consumed} with it.
     */
    void apply(
            PlanId planId,
            String planName,
            long version,
            Set<ProtectionGroupId> groups,
            boolean deleted,
            ConsumedEvent consumed);

    List<PlanRef> plansUsing(ProtectionGroupId group);

    record PlanRef(PlanId planId, String planName) {}
}
