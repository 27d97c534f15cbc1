package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import org.jspecify.annotations.Nullable;

/**
 * One server's launch settings after drs-adapter applied them: the outcome, the launch template version now the
 * default (when known) and, on failure, what went wrong and what to do.
 */
public record ServerLaunchSettingsResult(
        SourceServerId sourceServerId,
        LaunchSettingsOutcome outcome,
        @Nullable String launchTemplateId,
        @Nullable Long launchTemplateVersion,
        @Nullable String message) {

    public ServerLaunchSettingsResult {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(outcome, "outcome");
        if (outcome == LaunchSettingsOutcome.FAILED) {
            Require.text(message, "message");
        }
    }
}
