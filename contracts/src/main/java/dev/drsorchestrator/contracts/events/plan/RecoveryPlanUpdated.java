package dev.drsorchestrator.contracts.events.plan;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import java.util.List;

/** A recovery plan was updated. {@code protectionGroupIds} are every group its waves use. */
public record RecoveryPlanUpdated(
        PlanId planId, String name, long version, int waveCount, List<ProtectionGroupId> protectionGroupIds)
        implements PlanEvent {

    public RecoveryPlanUpdated {
        Require.nonNull(planId, "planId");
        Require.text(name, "name");
        Require.nonNegative(version, "version");
        Require.nonNegative(waveCount, "waveCount");
        protectionGroupIds = Require.list(protectionGroupIds, "protectionGroupIds");
    }
}
