package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import org.jspecify.annotations.Nullable;

/**
 * One server of a REPROTECT or FAILBACK wave: the step it is in, how that stands, and what DRS shows about it.
 *
 * @param sourceServerId the plan's source server (in the recovery Region)
 * @param detail for people: what is happening, who is missing, or DRS's reason for a failure
 * @param recoveryInstanceId the recovery instance in the recovery Region the server returns from
 * @param reversedSourceServerArn EC2 origin: the source server that replicates it back, in the origin Region
 * @param replicationState the reversed server's replication (REVERSED_SYNC) or the restored one's (RESTORE_DIRECTION)
 * @param failbackState on-premises origin: the recovery instance's DRS failback state
 * @param failedBackInstanceId the recovery instance launched at the origin (EC2 origin) once known
 * @param jobId the DRS job of the failback launch once started
 */
public record ServerFailbackState(
        SourceServerId sourceServerId,
        FailbackStep step,
        FailbackStatus status,
        @Nullable String detail,
        @Nullable ServerOrigin origin,
        @Nullable RecoveryInstanceId recoveryInstanceId,
        @Nullable String reversedSourceServerArn,
        @Nullable ReplicationState replicationState,
        @Nullable Long lagSeconds,
        @Nullable String failbackState,
        @Nullable RecoveryInstanceId failedBackInstanceId,
        @Nullable DrsJobId jobId) {

    public ServerFailbackState {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(step, "step");
        Require.nonNull(status, "status");
        if (lagSeconds != null) {
            Require.nonNegative(lagSeconds, "lagSeconds");
        }
    }
}
