package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A source server as the API shows it, with the group that holds it. */
public record ServerView(
        String sourceServerId,
        @Nullable String hostname,
        String accountId,
        String region,
        Map<String, String> tags,
        String replicationState,
        @Nullable Long lagSeconds,
        @Nullable String lifecycleState,
        @Nullable String lastLaunchStatus,
        @Nullable String recoveryInstanceId,
        @Nullable Instant lastSeenAt,
        boolean knownToDrs,
        boolean gone,
        @Nullable Instant goneSince,
        @Nullable GroupRef protectionGroup) {

    public record GroupRef(String id, @Nullable String name) {}

    static ServerView of(SourceServer s, Map<ProtectionGroupId, ProtectionGroup> groups) {
        GroupRef group = null;
        if (s.protectionGroupId() != null) {
            ProtectionGroup g = groups.get(s.protectionGroupId());
            group = new GroupRef(s.protectionGroupId().value(), g == null ? null : g.name());
        }
        return new ServerView(
                s.id().value(),
                s.hostname(),
                s.accountId().value(),
                s.region(),
                new java.util.TreeMap<>(s.tags()),
                s.replicationState().name(),
                s.lagSeconds(),
                s.lifecycleState(),
                s.lastLaunchStatus() == null ? null : s.lastLaunchStatus().name(),
                s.recoveryInstanceId() == null ? null : s.recoveryInstanceId().value(),
                s.lastSeenAt(),
                s.knownToDrs(),
                s.gone(),
                s.goneSince(),
                group);
    }
}
