package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A DRS source server as the inventory sync saw it. {@code lagSeconds} is absent when DRS reports no lag (not
 * replicating); {@code lastLaunchStatus} and {@code recoveryInstanceId} come from its last launch, if any.
 * {@code origin} is where it runs when not failed over (absent from older producers); {@code replicationDirection}
 * is DRS's FAILOVER or FAILBACK (a reversed server replicating back to the origin), and
 * {@code reversedDirectionSourceServerArn} names the server on the opposite direction, once there is one.
 * {@code launchSettings} is what a launch now would use: its DRS launch configuration and its EC2 launch template's
 * default version (absent when drs-adapter could not read them, and from older producers).
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
        Instant lastSeenAt,
        @Nullable ServerOrigin origin,
        @Nullable String replicationDirection,
        @Nullable String reversedDirectionSourceServerArn,
        @Nullable LaunchSettings launchSettings) {

    public SourceServerState {
        Require.nonNull(sourceServerId, "sourceServerId");
        tags = Require.map(tags);
        Require.nonNull(replicationState, "replicationState");
        if (lagSeconds != null) {
            Require.nonNegative(lagSeconds, "lagSeconds");
        }
        Require.nonNull(lastSeenAt, "lastSeenAt");
    }

    /** A server as inventories before launch settings were read. */
    public SourceServerState(
            SourceServerId sourceServerId,
            @Nullable String hostname,
            Map<String, String> tags,
            ReplicationState replicationState,
            @Nullable Long lagSeconds,
            @Nullable String lifecycleState,
            @Nullable LaunchStatus lastLaunchStatus,
            @Nullable RecoveryInstanceId recoveryInstanceId,
            Instant lastSeenAt,
            @Nullable ServerOrigin origin,
            @Nullable String replicationDirection,
            @Nullable String reversedDirectionSourceServerArn) {
        this(
                sourceServerId,
                hostname,
                tags,
                replicationState,
                lagSeconds,
                lifecycleState,
                lastLaunchStatus,
                recoveryInstanceId,
                lastSeenAt,
                origin,
                replicationDirection,
                reversedDirectionSourceServerArn,
                null);
    }

    /** A server as inventories before origins were read: origin and direction unknown. */
    public SourceServerState(
            SourceServerId sourceServerId,
            @Nullable String hostname,
            Map<String, String> tags,
            ReplicationState replicationState,
            @Nullable Long lagSeconds,
            @Nullable String lifecycleState,
            @Nullable LaunchStatus lastLaunchStatus,
            @Nullable RecoveryInstanceId recoveryInstanceId,
            Instant lastSeenAt) {
        this(
                sourceServerId,
                hostname,
                tags,
                replicationState,
                lagSeconds,
                lifecycleState,
                lastLaunchStatus,
                recoveryInstanceId,
                lastSeenAt,
                null,
                null,
                null,
                null);
    }

    /** Ready for recovery: replicating continuously with a lag within {@code rpoSeconds} (any lag if null). */
    public boolean readyWithin(@Nullable Integer rpoSeconds) {
        return replicationState == ReplicationState.CONTINUOUS
                && (rpoSeconds == null || lagSeconds == null || lagSeconds <= rpoSeconds);
    }
}
