package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.SourceServerId;

/** One server's launch settings: in a group, its overrides of the group's; elsewhere, its merged settings. */
public record ServerLaunchSettings(SourceServerId sourceServerId, LaunchSettings settings) {

    public ServerLaunchSettings {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(settings, "settings");
    }
}
