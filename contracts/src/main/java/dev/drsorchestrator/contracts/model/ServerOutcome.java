package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import org.jspecify.annotations.Nullable;

/** One server's result in a wave: its launch status, its recovery instance and, when it failed, why. */
public record ServerOutcome(
        SourceServerId sourceServerId,
        @Nullable String hostname,
        Criticality criticality,
        LaunchStatus launchStatus,
        @Nullable RecoveryInstanceId recoveryInstanceId,
        @Nullable Ec2InstanceId ec2InstanceId,
        @Nullable String error) {

    public ServerOutcome {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(criticality, "criticality");
        Require.nonNull(launchStatus, "launchStatus");
    }
}
