package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Filters of the server list; every one optional, all must hold. */
public record ServerQuery(
        @Nullable AccountId accountId,
        @Nullable String region,
        @Nullable ReplicationState replicationState,
        boolean unassignedOnly,
        @Nullable ProtectionGroupId protectionGroupId,
        Map<String, String> tags,
        @Nullable String hostnamePrefix,
        ServerOrigin.@Nullable Type originType) {

    public ServerQuery {
        tags = Map.copyOf(tags);
    }
}
