package dev.drsorchestrator.contracts.aws;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;

/**
 * DRS finished launching one source server of a job. The server id comes from {@code resources} (AWS puts it only
 * there); {@code is-drill} is the string {@code "TRUE"}/{@code "FALSE"} in AWS's event.
 *
 * @param state AWS's state, such as {@code RECOVERY_LAUNCH_SUCCEEDED} or {@code RECOVERY_LAUNCH_FAILED}
 */
public record DrsSourceServerLaunchResult(
        String eventId,
        AccountId account,
        String region,
        Instant time,
        SourceServerId sourceServerId,
        DrsJobId jobId,
        String state,
        boolean drill)
        implements AwsEvent {

    public boolean succeeded() {
        return state.endsWith("_SUCCEEDED");
    }

    @Override
    public AwsEventType type() {
        return AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT;
    }
}
