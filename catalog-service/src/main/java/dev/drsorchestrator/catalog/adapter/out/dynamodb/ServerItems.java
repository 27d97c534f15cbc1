package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.str;

import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.kit.dynamo.Items;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Server items and their keys: the index keys are derived here and nowhere else. */
final class ServerItems {

    static final String UNASSIGNED = "UNASSIGNED#";
    static final String ORIGIN = "origin";
    static final String ORIGIN_TYPE = "type";
    /** What the server would launch with now, as the last sync read it (JSON); absent when unknown. */
    static final String LAUNCH = "launchSettings";

    private ServerItems() {}

    static Map<String, AttributeValue> key(SourceServerId id) {
        return Map.of("serverId", AttributeValue.fromS(id.value()));
    }

    static String hostKey(@Nullable String hostname, SourceServerId id) {
        return (hostname == null ? "" : hostname.toLowerCase(Locale.ROOT)) + "#" + id.value();
    }

    static String stateKey(Scope scope, ReplicationState state) {
        return scope.key() + "#" + state.name();
    }

    static String assignKey(Scope scope, @Nullable ProtectionGroupId holder) {
        return holder == null ? UNASSIGNED + scope.key() : holder.value();
    }

    static SourceServer fromItem(Map<String, AttributeValue> item) {
        String state = str(item, "replicationState");
        String launch = str(item, "lastLaunchStatus");
        String instance = str(item, "recoveryInstanceId");
        String group = str(item, "groupId");
        String seen = str(item, "lastSeenAt");
        String gone = str(item, "goneSince");
        return new SourceServer(
                SourceServerId.of(Items.requiredStr(item, "serverId")),
                str(item, "hostname"),
                AccountId.of(Items.requiredStr(item, "accountId")),
                Items.requiredStr(item, "region"),
                Items.strMap(item, "tags"),
                state == null ? ReplicationState.UNKNOWN : replicationState(state),
                Items.num(item, "lagSeconds"),
                str(item, "lifecycleState"),
                launch == null ? null : LaunchStatus.valueOf(launch),
                instance == null ? null : RecoveryInstanceId.of(instance),
                seen == null ? null : Instant.parse(seen),
                gone == null ? null : Instant.parse(gone),
                group == null ? null : ProtectionGroupId.of(group),
                Items.bool(item, "knownToDrs"),
                origin(Items.strMap(item, ORIGIN)),
                str(item, "replicationDirection"),
                str(item, "reversedDirectionSourceServerArn"),
                LaunchJson.settings(str(item, LAUNCH)));
    }

    /** A server's origin as one map attribute ({@code origin.type} is what the list filters on). */
    static @Nullable AttributeValue originAttribute(@Nullable ServerOrigin origin) {
        if (origin == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ORIGIN_TYPE, origin.type().name());
        if (origin.accountId() != null) {
            values.put("accountId", origin.accountId().value());
        }
        if (origin.region() != null) {
            values.put("region", origin.region());
        }
        if (origin.availabilityZone() != null) {
            values.put("availabilityZone", origin.availabilityZone());
        }
        if (origin.ec2InstanceId() != null) {
            values.put("ec2InstanceId", origin.ec2InstanceId());
        }
        return Items.stringMap(values);
    }

    /** The stored origin; none for an item written before origins were stored, or one that no longer reads. */
    private static @Nullable ServerOrigin origin(Map<String, String> values) {
        String type = values.get(ORIGIN_TYPE);
        if (type == null) {
            return null;
        }
        try {
            String account = values.get("accountId");
            return new ServerOrigin(
                    ServerOrigin.Type.valueOf(type),
                    account == null ? null : AccountId.of(account),
                    values.get("region"),
                    values.get("availabilityZone"),
                    values.get("ec2InstanceId"));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static ReplicationState replicationState(String value) {
        try {
            return ReplicationState.valueOf(value);
        } catch (IllegalArgumentException e) {
            return ReplicationState.UNKNOWN;
        }
    }
}
