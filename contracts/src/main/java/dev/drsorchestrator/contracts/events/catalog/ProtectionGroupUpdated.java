package dev.drsorchestrator.contracts.events.catalog;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A protection group changed, by a user's update or because an inventory change altered what its selector matches.
 * Carries the whole resolved membership (not a diff) and the servers its selector matches but another group holds.
 *
 * <p>{@code launchSettings} are the group's launch settings and {@code serverLaunchSettings} each server's overrides
 * of them ({@link #launchSettingsOf}); absent from older producers, which managed none.
 */
public record ProtectionGroupUpdated(
        ProtectionGroupId protectionGroupId,
        String name,
        @Nullable String description,
        AccountId accountId,
        String region,
        @Nullable String owner,
        List<SourceServerId> explicitServerIds,
        Map<String, List<String>> tagSelector,
        List<SourceServerId> members,
        List<MembershipConflict> conflicts,
        ProtectionGroupChangeReason reason,
        long version,
        @Nullable LaunchSettings launchSettings,
        List<ServerLaunchSettings> serverLaunchSettings)
        implements CatalogEvent {

    public ProtectionGroupUpdated {
        Require.nonNull(protectionGroupId, "protectionGroupId");
        Require.text(name, "name");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        explicitServerIds = Require.list(explicitServerIds, "explicitServerIds");
        tagSelector = Require.map(tagSelector);
        members = Require.list(members, "members");
        Require.nonNegative(version, "version");
        launchSettings = launchSettings == null ? LaunchSettings.UNMANAGED : launchSettings;
        serverLaunchSettings = Require.optionalList(serverLaunchSettings, "serverLaunchSettings");
        conflicts = Require.list(conflicts, "conflicts");
        Require.nonNull(reason, "reason");
    }

    /** The event without launch settings (none managed). */
    public ProtectionGroupUpdated(
            ProtectionGroupId protectionGroupId,
            String name,
            @Nullable String description,
            AccountId accountId,
            String region,
            @Nullable String owner,
            List<SourceServerId> explicitServerIds,
            Map<String, List<String>> tagSelector,
            List<SourceServerId> members,
            List<MembershipConflict> conflicts,
            ProtectionGroupChangeReason reason,
            long version) {
        this(
                protectionGroupId,
                name,
                description,
                accountId,
                region,
                owner,
                explicitServerIds,
                tagSelector,
                members,
                conflicts,
                reason,
                version,
                null,
                List.of());
    }

    /** What {@code server} should launch with: the group's settings with its own overrides on top. */
    public LaunchSettings launchSettingsOf(SourceServerId server) {
        return ServerLaunchSettings.effective(launchSettings, serverLaunchSettings, server);
    }
}
