package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import org.jspecify.annotations.Nullable;

/** A source server and the recovery instance a launch produced for it (absent until DRS reports one). */
public record RecoveredServer(
        SourceServerId sourceServerId,
        AccountId accountId,
        String region,
        @Nullable RecoveryInstanceId recoveryInstanceId,
        @Nullable Ec2InstanceId ec2InstanceId) {

    public RecoveredServer {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
    }
}
