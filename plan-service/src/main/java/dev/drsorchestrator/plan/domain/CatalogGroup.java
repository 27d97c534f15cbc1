package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A protection group as catalog-service last reported it: its resolved members and the servers its selector wants
 * but another group holds. A deleted group is kept (as a tombstone) so that a late update cannot revive it.
 *
 * @param launchSettings the group's launch settings ({@link LaunchSettings#UNMANAGED} when it manages none, also for
 *     groups stored before they were kept)
 * @param serverLaunchSettings each member's overrides of them
 */
public record CatalogGroup(
        ProtectionGroupId id,
        String name,
        AccountId accountId,
        String region,
        List<SourceServerId> members,
        List<SourceServerId> conflicts,
        long version,
        boolean deleted,
        @Nullable LaunchSettings launchSettings,
        @Nullable List<ServerLaunchSettings> serverLaunchSettings) {

    public CatalogGroup {
        members = List.copyOf(members);
        conflicts = List.copyOf(conflicts);
        launchSettings = launchSettings == null ? LaunchSettings.UNMANAGED : launchSettings;
        serverLaunchSettings = serverLaunchSettings == null ? List.of() : List.copyOf(serverLaunchSettings);
    }

    /** A group that manages no launch settings. */
    public CatalogGroup(
            ProtectionGroupId id,
            String name,
            AccountId accountId,
            String region,
            List<SourceServerId> members,
            List<SourceServerId> conflicts,
            long version,
            boolean deleted) {
        this(id, name, accountId, region, members, conflicts, version, deleted, null, null);
    }

    /** Where the group's servers recover. */
    public NetworkScope scope() {
        return new NetworkScope(accountId, region);
    }

    /** What {@code server} should launch with: the group's settings with its own overrides on top. */
    public LaunchSettings launchSettingsOf(SourceServerId server) {
        return ServerLaunchSettings.effective(launchSettings, serverLaunchSettings, server);
    }
}
