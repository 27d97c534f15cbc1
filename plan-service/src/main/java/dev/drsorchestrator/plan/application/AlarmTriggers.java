package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.aws.CloudWatchAlarmStateChange;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.plan.domain.Activation;
import dev.drsorchestrator.plan.domain.AlarmBinding;
import dev.drsorchestrator.plan.domain.AlarmBindings;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.PlanCannotRun;
import dev.drsorchestrator.plan.domain.PlanConflict;
import dev.drsorchestrator.plan.domain.PlanInvalid;
import dev.drsorchestrator.plan.domain.PlanStore;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.RequiredApprovals;
import dev.drsorchestrator.plan.domain.TriggerStore;
import dev.drsorchestrator.plan.domain.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Alarm-driven executions: a bound alarm that moves into ALARM requests the plan's execution, unless the plan is
 * within the cooldown after its last alarm-triggered execution. Every firing is recorded as an activation, once.
 */
@ApplicationScoped
public class AlarmTriggers {

    private static final Logger LOG = Logger.getLogger(AlarmTriggers.class);

    /** A cooldown race (two alarms at once) is settled by reading again; more tries than this means a bug. */
    private static final int ATTEMPTS = 5;

    private final PlanStore plans;
    private final TriggerStore triggers;
    private final ExecutionLog executions;
    private final ExecutionStarter starter;

    AlarmTriggers(PlanStore plans, TriggerStore triggers, ExecutionLog executions, ExecutionStarter starter) {
        this.plans = plans;
        this.triggers = triggers;
        this.executions = executions;
        this.starter = starter;
    }

    public AlarmBindings bindings(PlanId plan) {
        plans.require(plan);
        return triggers.alarms(plan);
    }

    public AlarmBindings replace(PlanId plan, List<AlarmBinding> next, long expectedVersion) {
        plans.require(plan);
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < next.size(); i++) {
            Integer first = seen.putIfAbsent(next.get(i).alarmName().toLowerCase(Locale.ROOT), i);
            if (first != null) {
                violations.add(new Violation(
                        "[" + i + "].alarmName",
                        "'" + next.get(i).alarmName() + "' is also bound at [" + first + "]; bind an alarm once"));
            }
        }
        if (!violations.isEmpty()) {
            throw new PlanInvalid(violations);
        }
        AlarmBindings current = triggers.alarms(plan);
        if (expectedVersion >= 0 && expectedVersion != current.version()) {
            throw PlanConflict.staleVersion("alarm-trigger list", expectedVersion, current.version());
        }
        triggers.replaceAlarms(plan, current, next);
        return new AlarmBindings(next, current.version() + 1);
    }

    /** Handles one alarm state change; only a move into ALARM of a bound alarm starts anything. */
    public void onStateChange(CloudWatchAlarmStateChange change) {
        if (!change.enteredAlarm()) {
            LOG.debugf(
                    "alarm %s went %s -> %s: only entering ALARM starts executions",
                    change.alarmName(), change.previousState(), change.state());
            return;
        }
        List<TriggerStore.BoundAlarm> bound = triggers.plansBoundTo(change.alarmName());
        if (bound.isEmpty()) {
            LOG.debugf("alarm %s entered ALARM; no plan is bound to it", change.alarmName());
        }
        for (TriggerStore.BoundAlarm b : bound) {
            Optional<RecoveryPlan> plan = plans.find(b.planId());
            if (plan.isEmpty()) {
                LOG.warnf("alarm %s is bound to plan %s, which no longer exists", change.alarmName(), b.planId());
                continue;
            }
            activate(plan.get(), b.binding(), change);
        }
    }

    private void activate(RecoveryPlan plan, AlarmBinding binding, CloudWatchAlarmStateChange change) {
        Instant firedAt = change.stateChangedAt();
        for (int attempt = 1; ; attempt++) {
            Optional<Instant> anchor = executions.cooldownAnchor(plan.id());
            if (anchor.isPresent() && firedAt.isBefore(binding.cooldownEnd(anchor.get()))) {
                Instant until = binding.cooldownEnd(anchor.get());
                executions.recordActivation(
                        activation(
                                plan,
                                change,
                                Activation.Outcome.SUPPRESSED,
                                null,
                                "within the " + binding.cooldownMinutes() + "-minute cooldown after the alarm-triggered"
                                        + " execution of " + anchor.get() + "; nothing started",
                                until),
                        null);
                LOG.infof("alarm %s suppressed for plan %s: cooldown until %s", change.alarmName(), plan.id(), until);
                return;
            }
            ExecutionStarter.Ask ask = new ExecutionStarter.Ask(
                    binding.executionType(),
                    Trigger.alarm(change.alarmArn(), change.alarmName(), change.reason(), firedAt),
                    "alarm:" + change.alarmName(),
                    null,
                    change.reason(),
                    RequiredApprovals.forAlarm(plan.definition(), binding),
                    change.eventId(),
                    null);
            ExecutionRequested requested;
            try {
                requested = starter.snapshot(plan, ask);
            } catch (PlanCannotRun e) {
                executions.recordActivation(
                        activation(plan, change, Activation.Outcome.REFUSED, null, e.getMessage(), null), null);
                LOG.errorf("alarm %s could not start plan %s: %s", change.alarmName(), plan.id(), e.getMessage());
                return;
            }
            Activation requestedActivation = activation(
                    plan,
                    change,
                    Activation.Outcome.REQUESTED,
                    requested,
                    binding.executionType() + " requested"
                            + (ask.approvals().count() > 0
                                    ? ", waiting for " + ask.approvals().count() + " approval(s)"
                                    : " without approval (AUTO mode)"),
                    null);
            try {
                executions.record(starter.request(requested, ask)
                        .activation(requestedActivation)
                        .cooldown(anchor.orElse(null), firedAt)
                        .build());
                LOG.infof(
                        "alarm %s requested %s %s of plan %s",
                        change.alarmName(), binding.executionType(), requested.executionId(), plan.id());
                return;
            } catch (ExecutionLog.AlreadyRequested e) {
                LOG.debugf("alarm event %s was already handled for plan %s", change.eventId(), plan.id());
                return;
            } catch (PlanConflict e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Activation activation(
            RecoveryPlan plan,
            CloudWatchAlarmStateChange change,
            Activation.Outcome outcome,
            ExecutionRequested requested,
            String detail,
            Instant cooldownUntil) {
        return new Activation(
                plan.id(),
                change.eventId(),
                Activation.Kind.ALARM,
                change.alarmName(),
                change.stateChangedAt(),
                outcome,
                requested == null ? null : requested.executionId(),
                detail,
                cooldownUntil);
    }
}
