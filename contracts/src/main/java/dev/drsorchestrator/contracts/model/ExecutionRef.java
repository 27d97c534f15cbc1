package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The execution an event is about, with what a reader needs without asking anyone: the plan, the kind of
 * execution, what triggered it, the RTO target, when it started (absent before it starts) and the plan's own SNS
 * topic if it names one.
 */
public record ExecutionRef(
        ExecutionId executionId,
        PlanId planId,
        String planName,
        ExecutionType executionType,
        TriggerType trigger,
        @Nullable Integer rtoSeconds,
        @Nullable Instant startedAt,
        @Nullable String notificationTopicArn) {

    public ExecutionRef {
        Require.nonNull(executionId, "execution.executionId");
        Require.nonNull(planId, "execution.planId");
        Require.text(planName, "execution.planName");
        Require.nonNull(executionType, "execution.executionType");
        Require.nonNull(trigger, "execution.trigger");
        if (rtoSeconds != null) {
            Require.nonNegative(rtoSeconds, "execution.rtoSeconds");
        }
    }
}
