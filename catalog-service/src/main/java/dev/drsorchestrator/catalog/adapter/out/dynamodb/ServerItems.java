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
import dev.drsorchestrator.kit.dynamo.Items;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Server items and their keys: the index keys are derived here and nowhere else. */
final class ServerItems {

    static final String UNASSIGNED = "UNASSIGNED#";

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
                Items.bool(item, "knownToDrs"));
    }

    private static ReplicationState replicationState(String value) {
        try {
            return ReplicationState.valueOf(value);
        } catch (IllegalArgumentException e) {
            return ReplicationState.UNKNOWN;
        }
    }
}
