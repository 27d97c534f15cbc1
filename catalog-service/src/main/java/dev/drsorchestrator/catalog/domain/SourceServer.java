package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
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
 * A source server as the catalog knows it: what the last inventory sync reported, whether a full sync has since
 * missed it ({@code goneSince}), and which group holds it. {@code knownToDrs} is false for a server a group lists
 * explicitly that no inventory sync has reported yet. {@code origin} (where it runs when not failed over),
 * {@code replicationDirection} (FAILOVER or FAILBACK) and {@code reversedDirectionSourceServerArn} are what the last
 * sync said of them, absent when it said nothing (older drs-adapter versions) or the server was never reported.
 * {@code launchSettings} is what a launch now would use (its DRS launch configuration and launch template), as the
 * last sync read it; absent when drs-adapter could not read them.
 */
public record SourceServer(
        SourceServerId id,
        @Nullable String hostname,
        AccountId accountId,
        String region,
        Map<String, String> tags,
        ReplicationState replicationState,
        @Nullable Long lagSeconds,
        @Nullable String lifecycleState,
        @Nullable LaunchStatus lastLaunchStatus,
        @Nullable RecoveryInstanceId recoveryInstanceId,
        @Nullable Instant lastSeenAt,
        @Nullable Instant goneSince,
        @Nullable ProtectionGroupId protectionGroupId,
        boolean knownToDrs,
        @Nullable ServerOrigin origin,
        @Nullable String replicationDirection,
        @Nullable String reversedDirectionSourceServerArn,
        @Nullable LaunchSettings launchSettings) {

    public SourceServer {
        tags = Map.copyOf(tags);
    }

    public boolean gone() {
        return goneSince != null;
    }

    public ServerFacts facts() {
        return new ServerFacts(id, tags, protectionGroupId);
    }
}
