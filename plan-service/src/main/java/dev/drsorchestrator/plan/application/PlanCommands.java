package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanCreated;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanDeleted;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanUpdated;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.plan.domain.DrillNetworkRules;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.LastExecution;
import dev.drsorchestrator.plan.domain.Outgoing;
import dev.drsorchestrator.plan.domain.PlanConflict;
import dev.drsorchestrator.plan.domain.PlanDefinition;
import dev.drsorchestrator.plan.domain.PlanInvalid;
import dev.drsorchestrator.plan.domain.PlanServer;
import dev.drsorchestrator.plan.domain.PlanStore;
import dev.drsorchestrator.plan.domain.PlanValidator;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.ScheduleGateway;
import dev.drsorchestrator.plan.domain.TriggerStore;
import dev.drsorchestrator.plan.domain.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates, updates and deletes plans; each change publishes its event with it. {@code actor} is the caller's readable
 * name and {@code actorId} the verified token's subject, both from the bearer token.
 */
@ApplicationScoped
public class PlanCommands {

    private final PlanStore plans;
    private final ReadModels readModels;
    private final ExecutionLog executions;
    private final TriggerStore triggers;
    private final ScheduleGateway scheduler;
    private final Clock clock;

    PlanCommands(
            PlanStore plans,
            ReadModels readModels,
            ExecutionLog executions,
            TriggerStore triggers,
            ScheduleGateway scheduler,
            Clock clock) {
        this.plans = plans;
        this.readModels = readModels;
        this.executions = executions;
        this.triggers = triggers;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public RecoveryPlan create(PlanDefinition definition, String actor, @Nullable String actorId) {
        validate(definition);
        Instant now = clock.instant();
        RecoveryPlan plan = new RecoveryPlan(PlanId.random(), definition, 1, now, actor, now, actor);
        plans.insert(
                plan,
                new Outgoing(
                        EventMetadata.first(plan.id().value(), actor, actorId, now),
                        new RecoveryPlanCreated(
                                plan.id(),
                                definition.name(),
                                plan.version(),
                                definition.waves().size(),
                                List.copyOf(definition.groupIds()))));
        return plan;
    }

    public RecoveryPlan update(
            PlanId id, PlanDefinition definition, long expectedVersion, String actor, @Nullable String actorId) {
        RecoveryPlan current = plans.require(id);
        if (current.version() != expectedVersion) {
            throw PlanConflict.staleVersion("plan", expectedVersion, current.version());
        }
        validate(definition);
        Instant now = clock.instant();
        RecoveryPlan next = current.next(definition, now, actor);
        plans.replace(
                current,
                next,
                new Outgoing(
                        EventMetadata.first(id.value(), actor, actorId, now),
                        new RecoveryPlanUpdated(
                                id,
                                definition.name(),
                                next.version(),
                                definition.waves().size(),
                                List.copyOf(definition.groupIds()))));
        return next;
    }

    /** @param expectedVersion the version the caller read, or -1 to delete whatever version is stored */
    public void delete(PlanId id, long expectedVersion, String actor, @Nullable String actorId) {
        RecoveryPlan current = plans.require(id);
        if (expectedVersion >= 0 && current.version() != expectedVersion) {
            throw PlanConflict.staleVersion("plan", expectedVersion, current.version());
        }
        Optional<LastExecution> last = executions.last(id);
        if (last.isPresent() && last.get().status().active()) {
            LastExecution running = last.get();
            throw new PlanConflict(
                    "execution-active",
                    "The plan has an execution in progress",
                    "Execution " + running.executionId() + " of this plan is " + running.status()
                            + "; cancel it (POST /executions/" + running.executionId()
                            + "/cancel on execution-service) or let it finish, then delete the plan",
                    Map.of("executionId", running.executionId().value()));
        }
        Instant now = clock.instant();
        plans.remove(
                current,
                new Outgoing(
                        EventMetadata.first(id.value(), actor, actorId, now),
                        new RecoveryPlanDeleted(id, current.name(), current.version() + 1)));
        triggers.schedule(id).ifPresent(s -> scheduler.delete(s.scheduleName()));
        triggers.removeAll(id);
    }

    private void validate(PlanDefinition definition) {
        List<Violation> violations = new ArrayList<>();
        if (definition.drillNetworks().isEmpty()) {
            violations.addAll(PlanValidator.check(definition, readModels.groups(definition)));
        } else {
            ReadModels.Around around = readModels.around(definition);
            violations.addAll(PlanValidator.check(definition, around.groups()));
            violations.addAll(DrillNetworkRules.check(
                    definition.drillNetworks(),
                    PlanServer.of(definition, around.groups(), around.servers()),
                    around.networks()));
        }
        if (!violations.isEmpty()) {
            throw new PlanInvalid(violations);
        }
    }
}
