package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettingsOutcome;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What drs-adapter last reported for one server of a group: the outcome of applying the group's version. */
public record AppliedLaunch(
        SourceServerId sourceServerId,
        long groupVersion,
        LaunchSettingsOutcome outcome,
        @Nullable String launchTemplateId,
        @Nullable Long launchTemplateVersion,
        @Nullable String message,
        Instant appliedAt) {}
