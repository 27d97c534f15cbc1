package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import org.jspecify.annotations.Nullable;

/** A source server as a plan snapshot or a launch command names it: where it lives and how much it matters. */
public record ServerSnapshot(
        SourceServerId sourceServerId,
        AccountId accountId,
        String region,
        Criticality criticality,
        @Nullable String hostname) {

    public ServerSnapshot {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        Require.nonNull(criticality, "criticality");
    }
}
