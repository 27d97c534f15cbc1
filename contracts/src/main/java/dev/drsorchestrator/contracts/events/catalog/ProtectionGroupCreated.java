package dev.drsorchestrator.contracts.events.catalog;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A protection group was created. {@code members} is the resolved membership: the explicit servers plus those the
 * tag selector matches, less any that another group holds.
 */
public record ProtectionGroupCreated(
        ProtectionGroupId protectionGroupId,
        String name,
        @Nullable String description,
        AccountId accountId,
        String region,
        @Nullable String owner,
        List<SourceServerId> explicitServerIds,
        Map<String, List<String>> tagSelector,
        List<SourceServerId> members,
        long version)
        implements CatalogEvent {

    public ProtectionGroupCreated {
        Require.nonNull(protectionGroupId, "protectionGroupId");
        Require.text(name, "name");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        explicitServerIds = Require.list(explicitServerIds, "explicitServerIds");
        tagSelector = Require.map(tagSelector);
        members = Require.list(members, "members");
        Require.nonNegative(version, "version");
    }
}
