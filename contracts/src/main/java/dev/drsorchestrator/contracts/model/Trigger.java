package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import org.jspecify.annotations.Nullable;

/**
 * What started an execution: a user ({@code reference} null), a schedule (its name) or an alarm (its ARN).
 */
public record Trigger(TriggerType type, @Nullable String reference) {

    public Trigger {
        Require.nonNull(type, "trigger.type");
        if (type != TriggerType.USER) {
            Require.text(reference, "trigger.reference");
        }
    }

    public static Trigger user() {
        return new Trigger(TriggerType.USER, null);
    }

    public static Trigger schedule(String scheduleName) {
        return new Trigger(TriggerType.SCHEDULE, scheduleName);
    }

    public static Trigger alarm(String alarmArn) {
        return new Trigger(TriggerType.ALARM, alarmArn);
    }
}
