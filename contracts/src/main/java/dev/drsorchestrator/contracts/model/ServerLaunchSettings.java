package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.List;

/** One server's launch settings: in a group, its overrides of the group's; elsewhere, its merged settings. */
public record ServerLaunchSettings(SourceServerId sourceServerId, LaunchSettings settings) {

    public ServerLaunchSettings {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(settings, "settings");
    }

    /** What {@code server} should launch with: {@code group}'s settings with its own override (if any) on top. */
    public static LaunchSettings effective(
            LaunchSettings group, List<ServerLaunchSettings> overrides, SourceServerId server) {
        return overrides.stream()
                .filter(s -> s.sourceServerId().equals(server))
                .findFirst()
                .map(s -> group.overriddenBy(s.settings()))
                .orElse(group);
    }
}
