package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ReplicationState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A source server's replication as the last inventory sync saw it. */
public record ServerStatus(
        SourceServerId id,
        @Nullable String hostname,
        ReplicationState replicationState,
        @Nullable Long lagSeconds,
        Instant syncedAt) {}
