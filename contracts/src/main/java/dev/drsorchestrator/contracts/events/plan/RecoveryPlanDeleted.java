package dev.drsorchestrator.contracts.events.plan;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.PlanId;

/** A recovery plan was deleted; the groups it used are free of it. */
public record RecoveryPlanDeleted(PlanId planId, String name, long version) implements PlanEvent {

    public RecoveryPlanDeleted {
        Require.nonNull(planId, "planId");
        Require.text(name, "name");
        Require.nonNegative(version, "version");
    }
}
