package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.LaunchStatus;
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

    ServerRun() {}

    ServerRun(ServerSnapshot server) {
        this.server = server;
    }

    public Criticality criticality() {
        return server.criticality();
    }

    /** Launched, failed or gone: nothing more will change for this attempt. */
    boolean isFinal() {
        return launchStatus == LaunchStatus.LAUNCHED
                || launchStatus == LaunchStatus.FAILED
                || launchStatus == LaunchStatus.TERMINATED;
    }

    boolean launched() {
        return launchStatus == LaunchStatus.LAUNCHED;
    }

    boolean failed() {
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
