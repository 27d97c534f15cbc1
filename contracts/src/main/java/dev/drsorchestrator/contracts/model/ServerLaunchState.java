package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import org.jspecify.annotations.Nullable;

/** A participating server of a DRS job as DRS reports it, with its recovery instance once known. */
public record ServerLaunchState(
        SourceServerId sourceServerId,
        LaunchStatus launchStatus,
        @Nullable RecoveryInstanceId recoveryInstanceId,
        @Nullable Ec2InstanceId ec2InstanceId,
        @Nullable String error) {

    public ServerLaunchState {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(launchStatus, "launchStatus");
    }
}
