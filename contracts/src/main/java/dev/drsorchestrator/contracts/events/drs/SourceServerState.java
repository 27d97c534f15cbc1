package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ReplicationState;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A DRS source server as the inventory sync saw it. {@code lagSeconds} is absent when DRS reports no lag (not
 * replicating); {@code lastLaunchStatus} and {@code recoveryInstanceId} come from its last launch, if any.
 */
public record SourceServerState(
        SourceServerId sourceServerId,
        @Nullable String hostname,
        Map<String, String> tags,
        ReplicationState replicationState,
        @Nullable Long lagSeconds,
        @Nullable String lifecycleState,
        @Nullable LaunchStatus lastLaunchStatus,
        @Nullable RecoveryInstanceId recoveryInstanceId,
        Instant lastSeenAt) {

    public SourceServerState {
        Require.nonNull(sourceServerId, "sourceServerId");
        tags = Require.map(tags);
        Require.nonNull(replicationState, "replicationState");
        if (lagSeconds != null) {
            Require.nonNegative(lagSeconds, "lagSeconds");
        }
        Require.nonNull(lastSeenAt, "lastSeenAt");
    }

    /** Ready for recovery: replicating continuously with a lag within {@code rpoSeconds} (any lag if null). */
    public boolean readyWithin(@Nullable Integer rpoSeconds) {
        return replicationState == ReplicationState.CONTINUOUS
                && (rpoSeconds == null || lagSeconds == null || lagSeconds <= rpoSeconds);
    }
}
