package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.model.ExecutionType;
import java.time.Duration;
import java.time.Instant;

/**
 * A CloudWatch alarm that starts the plan when it enters ALARM. {@code APPROVAL} holds the execution for an operator
 * before its first wave; {@code cooldownMinutes} after an alarm-triggered execution, further alarms start nothing.
 */
public record AlarmBinding(String alarmName, ExecutionType executionType, Mode mode, int cooldownMinutes) {

    public enum Mode {
        AUTO,
        APPROVAL
    }

    /** When alarms may start executions again after one this binding started at {@code lastAlarmAt}. */
    public Instant cooldownEnd(Instant lastAlarmAt) {
        return lastAlarmAt.plus(Duration.ofMinutes(cooldownMinutes));
    }

    /** RECOVERY waits for an operator unless the binding says otherwise; a DRILL runs at once. */
    public static Mode defaultMode(ExecutionType type) {
        return type == ExecutionType.RECOVERY ? Mode.APPROVAL : Mode.AUTO;
    }
}
