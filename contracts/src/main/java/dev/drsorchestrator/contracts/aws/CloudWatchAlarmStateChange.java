package dev.drsorchestrator.contracts.aws;

import dev.drsorchestrator.contracts.ids.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A CloudWatch alarm changed state. {@code alarmArn} comes from {@code resources}; {@code stateChangedAt} is parsed
 * from CloudWatch's own timestamp format ({@code 2019-10-02T17:04:40.989+0000}, no colon in the offset).
 *
 * @param state {@code ALARM}, {@code OK} or {@code INSUFFICIENT_DATA}
 */
public record CloudWatchAlarmStateChange(
        String eventId,
        AccountId account,
        String region,
        Instant time,
        String alarmArn,
        String alarmName,
        String state,
        @Nullable String previousState,
        String reason,
        Instant stateChangedAt,
        @Nullable String description)
        implements AwsEvent {

    public boolean inAlarm() {
        return "ALARM".equals(state);
    }

    /** True when this change entered ALARM from another state (a repeated ALARM is not a new incident). */
    public boolean enteredAlarm() {
        return inAlarm() && !"ALARM".equals(previousState);
    }

    @Override
    public AwsEventType type() {
        return AwsEventType.CLOUDWATCH_ALARM_STATE_CHANGE;
    }
}
