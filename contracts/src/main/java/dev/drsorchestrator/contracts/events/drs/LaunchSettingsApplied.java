package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.ServerLaunchSettingsResult;
import java.time.Instant;
import java.util.List;

/**
 * drs-adapter applied a protection group's launch settings (version {@code groupVersion}) to its servers in DRS and
 * their EC2 launch templates: one result per member server.
 */
public record LaunchSettingsApplied(
        ProtectionGroupId protectionGroupId,
        long groupVersion,
        AccountId accountId,
        String region,
        Instant appliedAt,
        List<ServerLaunchSettingsResult> servers)
        implements DrsAdapterEvent {

    public LaunchSettingsApplied {
        Require.nonNull(protectionGroupId, "protectionGroupId");
        Require.nonNegative(groupVersion, "groupVersion");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        Require.nonNull(appliedAt, "appliedAt");
        servers = Require.list(servers, "servers");
    }
}
