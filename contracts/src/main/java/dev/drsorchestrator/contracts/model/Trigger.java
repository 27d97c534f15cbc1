package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What started an execution: a user ({@code reference} null), a schedule (its name) or an alarm (its ARN).
 *
 * @param name the schedule's or alarm's name, for people to read (the ARN is {@code reference})
 * @param reason why it fired: the alarm's state reason, or the schedule's comment
 * @param firedAt when the alarm entered ALARM, or the schedule's scheduled time
 */
public record Trigger(
        TriggerType type,
        @Nullable String reference,
        @Nullable String name,
        @Nullable String reason,
        @Nullable Instant firedAt) {

    public Trigger {
        Require.nonNull(type, "trigger.type");
        if (type != TriggerType.USER) {
            Require.text(reference, "trigger.reference");
        }
    }

    public Trigger(TriggerType type, @Nullable String reference) {
        this(type, reference, null, null, null);
    }

    public static Trigger user() {
        return new Trigger(TriggerType.USER, null);
    }

    public static Trigger schedule(String scheduleName, Instant scheduledTime, @Nullable String comment) {
        return new Trigger(TriggerType.SCHEDULE, scheduleName, scheduleName, comment, scheduledTime);
    }

    public static Trigger alarm(String alarmArn, String alarmName, String reason, Instant enteredAlarmAt) {
        return new Trigger(TriggerType.ALARM, alarmArn, alarmName, reason, enteredAlarmAt);
    }
}
