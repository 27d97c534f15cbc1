package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.ReplicationState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A source server's replication as the last inventory sync saw it, and {@code launchSettings}: what a launch now
 * would use (absent when drs-adapter could not read them).
 */
public record ServerStatus(
        SourceServerId id,
        @Nullable String hostname,
        ReplicationState replicationState,
        @Nullable Long lagSeconds,
        Instant syncedAt,
        @Nullable LaunchSettings launchSettings) {

    /** A server whose launch settings are not known. */
    public ServerStatus(
            SourceServerId id,
            @Nullable String hostname,
            ReplicationState replicationState,
            @Nullable Long lagSeconds,
            Instant syncedAt) {
        this(id, hostname, replicationState, lagSeconds, syncedAt, null);
    }
}
