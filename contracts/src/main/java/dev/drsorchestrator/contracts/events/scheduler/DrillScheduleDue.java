package dev.drsorchestrator.contracts.events.scheduler;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A drill schedule fired: plan-service should request a DRILL of the plan. */
public record DrillScheduleDue(
        String scheduleName,
        PlanId planId,
        ExecutionType executionType,
        Instant scheduledTime,
        @Nullable String comment)
        implements SchedulerEvent {

    public DrillScheduleDue {
        Require.text(scheduleName, "scheduleName");
        Require.nonNull(planId, "planId");
        Require.nonNull(executionType, "executionType");
        if (executionType != ExecutionType.DRILL) {
            throw new IllegalArgumentException("executionType must be DRILL: schedules only start drills");
        }
        Require.nonNull(scheduledTime, "scheduledTime");
    }
}
