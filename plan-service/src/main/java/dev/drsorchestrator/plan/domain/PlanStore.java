package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.PlanId;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Recovery plans, with unique names (ignoring case); every change commits with the event it publishes. */
public interface PlanStore {

    /** @throws PlanConflict name-taken */
    void insert(RecoveryPlan plan, Outgoing event);

    /** Replaces {@code previous} with {@code next} if it is still at {@code previous.version()}. */
    void replace(RecoveryPlan previous, RecoveryPlan next, Outgoing event);

    /** Deletes the plan if it is still at {@code plan.version()}. */
    void remove(RecoveryPlan plan, Outgoing event);

    Optional<RecoveryPlan> find(PlanId id);

    /** @throws PlanNotFound when there is no such plan */
    default RecoveryPlan require(PlanId id) {
        return find(id).orElseThrow(() -> new PlanNotFound(id));
    }

    /** Plans by name (ignoring case), optionally those whose name starts with {@code namePrefix}. */
    ListPage<RecoveryPlan> list(@Nullable String namePrefix, int limit, @Nullable Map<String, String> position);
}
