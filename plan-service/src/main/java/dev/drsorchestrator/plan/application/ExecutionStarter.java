package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.ExecutionSnapshot;
import dev.drsorchestrator.plan.domain.LastExecution;
import dev.drsorchestrator.plan.domain.Outgoing;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.RequestedRecoveryPoint;
import dev.drsorchestrator.plan.domain.RequiredApprovals;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns a plan into an {@code ExecutionRequested}: snapshots the plan with its groups' members now, creates the
 * execution id, and builds the record that commits the request with the plan's last execution.
 */
@ApplicationScoped
public class ExecutionStarter {

    private final ReadModels readModels;
    private final Clock clock;

    ExecutionStarter(ReadModels readModels, Clock clock) {
        this.readModels = readModels;
        this.clock = clock;
    }

    /**
     * What a trigger asks for; {@code actor} is a user name, {@code schedule:<name>} or {@code alarm:<name>}, and
     * {@code actorId} the verified subject behind a user's name (none for a schedule or an alarm). Only a person
     * names a {@code recoveryPoint}; schedules and alarms launch from the latest snapshot (none is sent).
     */
    public record Ask(
            ExecutionType type,
            Trigger trigger,
            String actor,
            @Nullable String actorId,
            @Nullable String comment,
            RequiredApprovals approvals,
            @Nullable String causationId,
            @Nullable RequestedRecoveryPoint recoveryPoint) {}

    /**
     * @throws dev.drsorchestrator.plan.domain.PlanInvalid when the requested recovery point is refused
     * @throws dev.drsorchestrator.plan.domain.PlanCannotRun when the plan cannot run as it stands
     */
    public ExecutionRequested snapshot(RecoveryPlan plan, Ask ask) {
        ReadModels.Around around = readModels.around(plan.definition());
        return ExecutionSnapshot.of(
                plan,
                new ExecutionSnapshot.Request(
                        ExecutionId.random(),
                        ask.type(),
                        ask.trigger(),
                        ask.actor(),
                        ask.comment(),
                        ask.approvals(),
                        ask.recoveryPoint(),
                        clock.instant()),
                around.groups(),
                around.servers(),
                around.networks());
    }

    /** The plan's last execution as this request makes it, and the event that carries it. */
    public ExecutionLog.Request.Builder request(ExecutionRequested requested, Ask ask) {
        Instant now = clock.instant();
        LastExecution last = new LastExecution(
                requested.executionId(),
                requested.executionType(),
                requested.trigger().type(),
                LastExecution.Status.REQUESTED,
                now,
                now,
                ask.comment());
        EventMetadata metadata = new EventMetadata(
                UUID.randomUUID().toString(),
                EventMetadata.CURRENT_SCHEMA_VERSION,
                now,
                requested.executionId().value(),
                ask.causationId(),
                ask.actor(),
                null,
                ask.actorId());
        return new ExecutionLog.Request.Builder(requested.planId(), last, new Outgoing(metadata, requested));
    }
}
