package dev.drsorchestrator.contracts.events.catalog;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;

/** A protection group was deleted; its servers are unassigned. */
public record ProtectionGroupDeleted(
        ProtectionGroupId protectionGroupId, String name, AccountId accountId, String region, long version)
        implements CatalogEvent {

    public ProtectionGroupDeleted {
        Require.nonNull(protectionGroupId, "protectionGroupId");
        Require.text(name, "name");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
    }
}
