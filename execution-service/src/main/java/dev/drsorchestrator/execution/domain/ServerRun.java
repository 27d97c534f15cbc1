package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One server of a wave: what the plan snapshot said about it and what its latest launch attempt did. {@code attempt}
 * is the wave attempt that last launched it (0: not launched yet); reports of other attempts do not change it.
 */
public final class ServerRun {
    public ServerSnapshot server;
    public int attempt;
    public @Nullable LaunchStatus launchStatus;
    public @Nullable DrsJobId jobId;
    public @Nullable RecoveryInstanceId recoveryInstanceId;
    public @Nullable Ec2InstanceId ec2InstanceId;
    public @Nullable String error;
    public boolean excluded;
    public @Nullable Instant observedAt;

    /** The recovery snapshot it launched from, when the execution asked for a point in time. */
    public @Nullable String recoverySnapshotId;

    public @Nullable Instant recoverySnapshotTime;

    /** REPROTECT and FAILBACK: where the server is (set WAITING when the wave's DRS step is requested). */
    public @Nullable FailbackStep failbackStep;

    public @Nullable FailbackStatus failbackStatus;
    public @Nullable String failbackDetail;
    public @Nullable ServerOrigin origin;
    /** The recovery-Region instance it returns from (a confirmed failback terminates it). */
    public @Nullable RecoveryInstanceId returnFromInstanceId;

    public @Nullable String reversedSourceServerArn;
    public @Nullable ReplicationState replicationState;
    public @Nullable Long lagSeconds;
    public @Nullable String failbackState;
    /**
     * Where {@code recoveryInstanceId} runs when not in the server's own account and region: a failback launches in
     * the origin Region.
     */
    public @Nullable AccountId instanceAccountId;

    public @Nullable String instanceRegion;

    ServerRun() {}

    ServerRun(ServerSnapshot server) {
        this.server = server;
    }

    /**
     * What drs-adapter reported of this server's REPROTECT or FAILBACK step, for the attempt it launched; nothing
     * changes once the status is final.
     */
    void failback(ServerFailbackState state, Instant at) {
        if (failbackStatus != null && failbackStatus.isFinal()) {
            return;
        }
        failbackStep = state.step();
        failbackStatus = state.status();
        failbackDetail = state.detail();
        origin = state.origin();
        returnFromInstanceId = state.recoveryInstanceId();
        reversedSourceServerArn = state.reversedSourceServerArn();
        replicationState = state.replicationState();
        lagSeconds = state.lagSeconds();
        failbackState = state.failbackState();
        observedAt = at;
        if (state.failedBackInstanceId() != null) {
            // Launched at the origin: the reversed server's ARN says in which account and region.
            recoveryInstanceId = state.failedBackInstanceId();
            String[] arn = String.valueOf(state.reversedSourceServerArn()).split(":");
            if (arn.length >= 6 && arn[4].matches("\\d{12}")) {
                instanceAccountId = AccountId.of(arn[4]);
                instanceRegion = arn[3];
            }
        } else if (recoveryInstanceId == null) {
            // A reprotect leaves the server running on its recovery instance: actions act on it.
            recoveryInstanceId = state.recoveryInstanceId();
        }
        if (state.jobId() != null) {
            jobId = state.jobId();
        }
        if (state.status() == FailbackStatus.FAILED) {
            error = state.detail();
        }
    }

    /** drs-adapter will not act on this REPROTECT or FAILBACK server in this attempt: its failback ends, saying why. */
    void endFailback(@Nullable String why) {
        if (failbackStatus != null && !failbackStatus.isFinal()) {
            failbackStatus = FailbackStatus.FAILED;
            failbackDetail = why;
        }
    }

    public Criticality criticality() {
        return server.criticality();
    }

    /**
     * Launched, failed or gone: nothing more will change for this attempt. In a REPROTECT or FAILBACK, the server's
     * failback status decides (a launch at the origin may be followed by the restore of the original direction).
     */
    boolean isFinal() {
        if (failbackStatus != null) {
            return failbackStatus.isFinal();
        }
        return launchStatus == LaunchStatus.LAUNCHED
                || launchStatus == LaunchStatus.FAILED
                || launchStatus == LaunchStatus.TERMINATED;
    }

    boolean launched() {
        if (failbackStatus != null) {
            return failbackStatus == FailbackStatus.COMPLETED;
        }
        return launchStatus == LaunchStatus.LAUNCHED;
    }

    boolean failed() {
        if (failbackStatus != null) {
            return failbackStatus == FailbackStatus.FAILED;
        }
        return launchStatus == LaunchStatus.FAILED || launchStatus == LaunchStatus.TERMINATED;
    }

    /** The order launch statuses move in; a report never moves a server back. */
    static int rank(@Nullable LaunchStatus status) {
        if (status == null) {
            return -1;
        }
        return switch (status) {
            case PENDING -> 0;
            case IN_PROGRESS -> 1;
            case LAUNCHED, FAILED -> 2;
            case TERMINATED -> 3;
        };
    }
}
