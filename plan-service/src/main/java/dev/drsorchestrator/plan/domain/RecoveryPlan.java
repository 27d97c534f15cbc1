package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.PlanId;
import java.time.Instant;

/** A stored plan: its definition at {@code version} (1 on create, one more on every update). */
public record RecoveryPlan(
        PlanId id,
        PlanDefinition definition,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public String name() {
        return definition.name();
    }

    public RecoveryPlan next(PlanDefinition changed, Instant at, String by) {
        return new RecoveryPlan(id, changed, version + 1, createdAt, createdBy, at, by);
    }
}
