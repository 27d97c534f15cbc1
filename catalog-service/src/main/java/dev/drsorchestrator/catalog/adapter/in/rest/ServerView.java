package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A source server as the API shows it, with the group that holds it and where it runs when not failed over. */
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
        @Nullable GroupRef protectionGroup,

        @Schema(description = "Where the server runs when not failed over; absent until drs-adapter reports it")
        @Nullable
        OriginView origin,

        @Schema(
                description = "The origin for people to read",
                examples = "EC2 i-0abc123 in 111122223333/us-west-2 (us-west-2a)")
        @Nullable
        String originDescription,

        @Schema(description = "DRS's replication direction: FAILOVER, or FAILBACK for a server replicating back")
        @Nullable
        String replicationDirection,

        @Schema(description = "The source server on the opposite direction, once there is one") @Nullable
        String reversedDirectionSourceServerArn,

        @Schema(
                description = "What a launch now would use (DRS launch configuration and EC2 launch template), as"
                        + " drs-adapter last read it; absent until it does")
        @Nullable
        LaunchSettings launchSettings) {

    public record GroupRef(String id, @Nullable String name) {}

    /** {@code type} EC2 (with the instance's account, Region, AZ and id) or ON_PREMISES. */
    public record OriginView(
            String type,
            @Nullable String accountId,
            @Nullable String region,
            @Nullable String availabilityZone,
            @Nullable String ec2InstanceId) {}

    static ServerView of(SourceServer s, Map<ProtectionGroupId, ProtectionGroup> groups) {
        GroupRef group = null;
        if (s.protectionGroupId() != null) {
            ProtectionGroup g = groups.get(s.protectionGroupId());
            group = new GroupRef(s.protectionGroupId().value(), g == null ? null : g.name());
        }
        ServerOrigin origin = s.origin();
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
                group,
                origin == null
                        ? null
                        : new OriginView(
                                origin.type().name(),
                                origin.accountId() == null
                                        ? null
                                        : origin.accountId().value(),
                                origin.region(),
                                origin.availabilityZone(),
                                origin.ec2InstanceId()),
                origin == null ? null : origin.describe(),
                s.replicationDirection(),
                s.reversedDirectionSourceServerArn(),
                s.launchSettings());
    }
}
