package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One server of a {@link FailbackRun}: where it is in its steps and what DRS last showed about it. */
public final class FailbackServer {
    public SourceServerId sourceServerId;
    public Criticality criticality;
    /** The recovery Region's account and region (where the plan's source server and its recovery instance are). */
    public String accountId;

    public String region;
    public ServerOrigin origin;
    public RecoveryInstanceId recoveryInstanceId;

    public FailbackStep step;
    public FailbackStatus status = FailbackStatus.WAITING;
    public @Nullable String detail;

    /** When {@code ReverseReplication} for the current step was decided (written before the call). */
    public @Nullable Instant reverseIntentAt;
    /** EC2 origin: the source server on the reversed direction, in the origin Region. */
    public @Nullable String reversedArn;
    /** After RESTORE_DIRECTION's call: the source server replicating in the original direction again. */
    public @Nullable String restoredArn;

    public @Nullable ReplicationState replicationState;
    public @Nullable Long lagSeconds;
    public @Nullable String failbackState;
    public @Nullable RecoveryInstanceId failedBackInstanceId;
    public @Nullable DrsJobId jobId;
    /** The job request of the failback launch, once made. */
    public @Nullable String jobRequestId;
    /** On-premises: StopFailback was called after FAILBACK_ERROR. */
    public boolean stopped;

    public Scope scope() {
        return Scope.of(accountId, region);
    }

    public boolean isFinal() {
        return status.isFinal();
    }

    public Optional<SourceServerArn> reversed() {
        return SourceServerArn.parse(reversedArn);
    }

    public boolean ec2() {
        return origin.type() == ServerOrigin.Type.EC2;
    }

    public void set(FailbackStep step, FailbackStatus status, @Nullable String detail) {
        this.step = step;
        this.status = status;
        this.detail = detail;
    }

    public ServerFailbackState view() {
        return new ServerFailbackState(
                sourceServerId,
                step,
                status,
                detail,
                origin,
                recoveryInstanceId,
                reversedArn,
                replicationState,
                lagSeconds,
                failbackState,
                failedBackInstanceId,
                jobId);
    }
}
