package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.catalog.domain.PlanUsageStore;
import dev.drsorchestrator.contracts.events.plan.PlanEvent;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanCreated;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanDeleted;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;

/** Keeps which plans use which groups, so that a group in use cannot be deleted. Late or repeated events lose. */
@ApplicationScoped
public class PlanUsageProjection {

    private final PlanUsageStore usage;

    PlanUsageProjection(PlanUsageStore usage) {
        this.usage = usage;
    }

    public void apply(PlanEvent event, ConsumedEvent consumed) {
        if (event instanceof RecoveryPlanCreated c) {
            usage.apply(
                    c.planId(), c.name(), c.version(), new LinkedHashSet<>(c.protectionGroupIds()), false, consumed);
        } else if (event instanceof RecoveryPlanUpdated u) {
            usage.apply(
                    u.planId(), u.name(), u.version(), new LinkedHashSet<>(u.protectionGroupIds()), false, consumed);
        } else if (event instanceof RecoveryPlanDeleted d) {
            usage.apply(d.planId(), d.name(), d.version(), Set.of(), true, consumed);
        }
    }
}
