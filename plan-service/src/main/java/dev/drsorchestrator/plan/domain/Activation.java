package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One firing of a plan's alarm or schedule and what came of it, kept so an operator can see why something did or
 * did not start.
 *
 * @param eventId the alarm's EventBridge event id or the schedule's execution id: one activation per firing
 * @param source the alarm's or the schedule's name
 * @param cooldownUntil for SUPPRESSED: when alarms start executions again
 */
public record Activation(
        PlanId planId,
        String eventId,
        Kind kind,
        String source,
        Instant firedAt,
        Outcome outcome,
        @Nullable ExecutionId executionId,
        String detail,
        @Nullable Instant cooldownUntil) {

    public enum Kind {
        ALARM,
        SCHEDULE
    }

    public enum Outcome {
        /** An execution was requested. */
        REQUESTED,
        /** Within the cooldown after the last alarm-triggered execution: nothing started. */
        SUPPRESSED,
        /** The plan could not run (a deleted group, no servers, schedule disabled); nothing started. */
        REFUSED
    }
}
