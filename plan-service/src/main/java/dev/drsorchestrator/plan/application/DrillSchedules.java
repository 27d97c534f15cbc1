package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.events.scheduler.DrillScheduleDue;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.plan.domain.Activation;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.DrillSchedule;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.PlanCannotRun;
import dev.drsorchestrator.plan.domain.PlanConflict;
import dev.drsorchestrator.plan.domain.PlanInvalid;
import dev.drsorchestrator.plan.domain.PlanStore;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.RequiredApprovals;
import dev.drsorchestrator.plan.domain.ScheduleGateway;
import dev.drsorchestrator.plan.domain.TriggerStore;
import dev.drsorchestrator.plan.domain.TriggerStore.StoredSchedule;
import dev.drsorchestrator.plan.domain.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Scheduled drills: one EventBridge Scheduler schedule per plan puts {@code DrillScheduleDue} on the bus, and each
 * firing requests one DRILL. The scheduler's execution id is the event id, so a firing delivered twice is one drill.
 */
@ApplicationScoped
public class DrillSchedules {

    private static final Logger LOG = Logger.getLogger(DrillSchedules.class);

    private final PlanStore plans;
    private final TriggerStore triggers;
    private final ScheduleGateway scheduler;
    private final ExecutionLog executions;
    private final ExecutionStarter starter;
    private final Clock clock;

    DrillSchedules(
            PlanStore plans,
            TriggerStore triggers,
            ScheduleGateway scheduler,
            ExecutionLog executions,
            ExecutionStarter starter,
            Clock clock) {
        this.plans = plans;
        this.triggers = triggers;
        this.scheduler = scheduler;
        this.executions = executions;
        this.starter = starter;
        this.clock = clock;
    }

    /** The Scheduler's name for a plan's drill schedule (at most 64 characters). */
    public static String scheduleName(PlanId plan) {
        return "drill-" + plan.value();
    }

    public Optional<StoredSchedule> get(PlanId plan) {
        plans.require(plan);
        return triggers.schedule(plan);
    }

    /** @param expectedVersion the version read, or -1 to replace whatever is there */
    public StoredSchedule put(PlanId plan, DrillSchedule schedule, long expectedVersion, String actor) {
        plans.require(plan);
        List<Violation> violations = schedule.violations();
        if (!violations.isEmpty()) {
            throw new PlanInvalid(violations);
        }
        Optional<StoredSchedule> current = triggers.schedule(plan);
        long currentVersion = current.map(StoredSchedule::version).orElse(0L);
        if (expectedVersion >= 0 && expectedVersion != currentVersion) {
            throw PlanConflict.staleVersion("drill schedule", expectedVersion, currentVersion);
        }
        String name = scheduleName(plan);
        scheduler.upsert(name, plan, schedule);
        StoredSchedule stored = new StoredSchedule(schedule, name, currentVersion + 1, clock.instant(), actor);
        triggers.putSchedule(plan, stored, currentVersion);
        return stored;
    }

    /** @return whether there was a schedule */
    public boolean delete(PlanId plan) {
        plans.require(plan);
        Optional<StoredSchedule> current = triggers.schedule(plan);
        scheduler.delete(current.map(StoredSchedule::scheduleName).orElse(scheduleName(plan)));
        triggers.deleteSchedule(plan);
        return current.isPresent();
    }

    /** A schedule fired: request the drill, once per firing, if the plan still has this schedule enabled. */
    public void onDue(DrillScheduleDue due, EventMetadata metadata, ConsumedEvent consumed) {
        Optional<RecoveryPlan> found = plans.find(due.planId());
        if (found.isEmpty()) {
            LOG.warnf("schedule %s fired for plan %s, which no longer exists", due.scheduleName(), due.planId());
            return;
        }
        RecoveryPlan plan = found.get();
        Optional<StoredSchedule> stored = triggers.schedule(plan.id());
        if (stored.isEmpty()
                || !stored.get().schedule().enabled()
                || !stored.get().scheduleName().equals(due.scheduleName())) {
            refuse(
                    plan,
                    due,
                    metadata,
                    consumed,
                    "the plan has no enabled schedule named " + due.scheduleName()
                            + " any more; the firing was ignored");
            return;
        }
        ExecutionStarter.Ask ask = new ExecutionStarter.Ask(
                ExecutionType.DRILL,
                Trigger.schedule(due.scheduleName(), due.scheduledTime(), due.comment()),
                "schedule:" + due.scheduleName(),
                null,
                due.comment(),
                RequiredApprovals.forType(plan.definition(), ExecutionType.DRILL),
                metadata.eventId(),
                null);
        ExecutionRequested requested;
        try {
            requested = starter.snapshot(plan, ask);
        } catch (PlanCannotRun e) {
            refuse(plan, due, metadata, consumed, e.getMessage());
            return;
        }
        try {
            executions.record(starter.request(requested, ask)
                    .activation(
                            activation(plan, due, metadata, Activation.Outcome.REQUESTED, requested, "DRILL requested"))
                    .consumed(consumed)
                    .build());
            LOG.infof(
                    "schedule %s requested drill %s of plan %s",
                    due.scheduleName(), requested.executionId(), plan.id());
        } catch (ExecutionLog.AlreadyRequested e) {
            LOG.debugf("schedule firing %s was already handled", metadata.eventId());
        }
    }

    private void refuse(
            RecoveryPlan plan, DrillScheduleDue due, EventMetadata metadata, ConsumedEvent consumed, String reason) {
        LOG.errorf("schedule %s did not start a drill of plan %s: %s", due.scheduleName(), plan.id(), reason);
        executions.recordActivation(
                activation(plan, due, metadata, Activation.Outcome.REFUSED, null, reason), consumed);
    }

    private static Activation activation(
            RecoveryPlan plan,
            DrillScheduleDue due,
            EventMetadata metadata,
            Activation.Outcome outcome,
            ExecutionRequested requested,
            String detail) {
        return new Activation(
                plan.id(),
                metadata.eventId(),
                Activation.Kind.SCHEDULE,
                due.scheduleName(),
                due.scheduledTime(),
                outcome,
                requested == null ? null : requested.executionId(),
                detail,
                null);
    }
}
