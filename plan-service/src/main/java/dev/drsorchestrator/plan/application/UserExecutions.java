package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.PlanStore;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.RequestedRecoveryPoint;
import dev.drsorchestrator.plan.domain.RequiredApprovals;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Executions a user asks for through the API, idempotent on the caller's key: a retry with a key already used
 * returns that execution and checks nothing again. A requested recovery point is checked against the plan's servers
 * now; refused, nothing is stored or published.
 */
@ApplicationScoped
public class UserExecutions {

    private final PlanStore plans;
    private final ExecutionLog executions;
    private final ExecutionStarter starter;

    UserExecutions(PlanStore plans, ExecutionLog executions, ExecutionStarter starter) {
        this.plans = plans;
        this.executions = executions;
        this.starter = starter;
    }

    /** The execution requested, and whether an earlier request with the same key had already made it. */
    public record Requested(ExecutionId executionId, PlanId planId, long planVersion, boolean replayed) {}

    public Requested request(
            PlanId planId,
            ExecutionType type,
            @Nullable String comment,
            String actor,
            @Nullable String actorId,
            @Nullable String idempotencyKey,
            @Nullable RequestedRecoveryPoint recoveryPoint) {
        RecoveryPlan plan = plans.require(planId);
        if (idempotencyKey != null) {
            Optional<ExecutionId> earlier = executions.requestedWithKey(planId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Requested(earlier.get(), planId, plan.version(), true);
            }
        }
        ExecutionStarter.Ask ask = new ExecutionStarter.Ask(
                type,
                Trigger.user(),
                actor,
                actorId,
                comment,
                RequiredApprovals.forType(plan.definition(), type),
                null,
                recoveryPoint);
        ExecutionRequested requested = starter.snapshot(plan, ask);
        try {
            executions.record(starter.request(requested, ask)
                    .idempotencyKey(idempotencyKey)
                    .build());
        } catch (ExecutionLog.AlreadyRequested e) {
            ExecutionId earlier = executions
                    .requestedWithKey(planId, idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished", e));
            return new Requested(earlier, planId, plan.version(), true);
        }
        return new Requested(requested.executionId(), planId, plan.version(), false);
    }
}
