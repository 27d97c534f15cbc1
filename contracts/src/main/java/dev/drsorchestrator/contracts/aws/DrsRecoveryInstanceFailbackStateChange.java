package dev.drsorchestrator.contracts.aws;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import java.time.Instant;

/**
 * A recovery instance's failback progressed. The instance id comes from {@code resources}.
 *
 * @param state AWS's state: {@code FAILBACK_IN_PROGRESS}, {@code FAILBACK_COMPLETED} or {@code FAILBACK_ERROR}
 */
public record DrsRecoveryInstanceFailbackStateChange(
        String eventId,
        AccountId account,
        String region,
        Instant time,
        RecoveryInstanceId recoveryInstanceId,
        String state)
        implements AwsEvent {

    public boolean completed() {
        return "FAILBACK_COMPLETED".equals(state);
    }

    public boolean failed() {
        return "FAILBACK_ERROR".equals(state);
    }

    @Override
    public AwsEventType type() {
        return AwsEventType.DRS_RECOVERY_INSTANCE_FAILBACK_STATE_CHANGE;
    }
}
