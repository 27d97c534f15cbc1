package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.List;

/**
 * A protection group as catalog-service last reported it: its resolved members and the servers its selector wants
 * but another group holds. A deleted group is kept (as a tombstone) so that a late update cannot revive it.
 */
public record CatalogGroup(
        ProtectionGroupId id,
        String name,
        AccountId accountId,
        String region,
        List<SourceServerId> members,
        List<SourceServerId> conflicts,
        long version,
        boolean deleted) {

    public CatalogGroup {
        members = List.copyOf(members);
        conflicts = List.copyOf(conflicts);
    }
}
