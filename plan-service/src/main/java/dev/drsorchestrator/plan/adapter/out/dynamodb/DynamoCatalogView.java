package dev.drsorchestrator.plan.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.CatalogGroup;
import dev.drsorchestrator.plan.domain.CatalogView;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.ServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The groups and servers read model, with the groups' launch settings and what each server would launch with. A group is written only over an older version, a server only over an older
 * sync, so late and repeated events change nothing.
 */
@ApplicationScoped
class DynamoCatalogView implements CatalogView {

    private static final TypeReference<List<ServerLaunchSettings>> SERVER_SETTINGS = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoCatalogView(DynamoDbClient dynamo, Transactions transactions, PlanConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().catalog();
    }

    @Override
    public Map<ProtectionGroupId, CatalogGroup> groups(Collection<ProtectionGroupId> ids) {
        Map<ProtectionGroupId, CatalogGroup> found = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys = ids.stream()
                .distinct()
                .map(id -> Map.of("pk", s("GROUP#" + id.value())))
                .toList();
        Items.batchGet(dynamo, table, keys).stream()
                .map(DynamoCatalogView::group)
                .forEach(g -> found.put(g.id(), g));
        return found;
    }

    @Override
    public Map<SourceServerId, ServerStatus> servers(Collection<SourceServerId> ids) {
        Map<SourceServerId, ServerStatus> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = ids.stream()
                .distinct()
                .map(id -> Map.of("pk", s("SERVER#" + id.value())))
                .toList();
        Items.batchGet(dynamo, table, keys).stream()
                .map(DynamoCatalogView::server)
                .forEach(v -> found.put(v.id(), v));
        return found;
    }

    @Override
    public void applyGroup(CatalogGroup group, ConsumedEvent consumed) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("GROUP#" + group.id().value()));
        item.put("name", s(group.name()));
        item.put("accountId", s(group.accountId().value()));
        item.put("region", s(group.region()));
        item.put(
                "members",
                Items.strings(
                        group.members().stream().map(SourceServerId::value).toList()));
        item.put(
                "conflicts",
                Items.strings(
                        group.conflicts().stream().map(SourceServerId::value).toList()));
        item.put("version", n(group.version()));
        item.put("deleted", Items.bool(group.deleted()));
        if (!group.launchSettings().managesNothing()) {
            item.put("launchSettings", s(PlanJson.write(group.launchSettings())));
        }
        if (!group.serverLaunchSettings().isEmpty()) {
            item.put("serverLaunchSettings", s(PlanJson.write(group.serverLaunchSettings())));
        }
        // A delete wins over an update of the same version (catalog's delete event repeats the last version).
        String condition = group.deleted()
                ? "attribute_not_exists(pk) OR #v <= :v"
                : "attribute_not_exists(pk) OR (#v < :v AND deleted = :false)";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", n(group.version()));
        if (!group.deleted()) {
            values.put(":false", Items.bool(false));
        }
        Consumed.writeIfCurrent(
                transactions,
                "group",
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(item)
                                .conditionExpression(condition)
                                .expressionAttributeNames(Map.of("#v", "version"))
                                .expressionAttributeValues(values)
                                .build())
                        .build(),
                consumed);
    }

    @Override
    public void applyServers(List<ServerStatus> servers, ConsumedEvent consumed) {
        for (ServerStatus server : servers) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("SERVER#" + server.id().value()));
            if (server.hostname() != null) {
                item.put("hostname", s(server.hostname()));
            }
            item.put("replicationState", s(server.replicationState().name()));
            if (server.lagSeconds() != null) {
                item.put("lagSeconds", n(server.lagSeconds()));
            }
            item.put("syncedAt", s(server.syncedAt().toString()));
            if (server.launchSettings() != null) {
                item.put("launchSettings", s(PlanJson.write(server.launchSettings())));
            }
            try {
                dynamo.putItem(r -> r.tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk) OR syncedAt <= :at")
                        .expressionAttributeValues(
                                Map.of(":at", s(server.syncedAt().toString()))));
            } catch (ConditionalCheckFailedException e) {
                // A newer sync of this server is stored already.
            }
        }
        transactions.commit(new Transaction().markProcessed(Consumed.delivery(consumed)));
    }

    private static CatalogGroup group(Map<String, AttributeValue> item) {
        return new CatalogGroup(
                ProtectionGroupId.of(item.get("pk").s().substring("GROUP#".length())),
                Items.requiredStr(item, "name"),
                AccountId.of(Items.requiredStr(item, "accountId")),
                Items.requiredStr(item, "region"),
                Items.strList(item, "members").stream().map(SourceServerId::of).toList(),
                Items.strList(item, "conflicts").stream()
                        .map(SourceServerId::of)
                        .toList(),
                Items.num(item, "version", 0),
                Items.bool(item, "deleted"),
                json(item, "launchSettings", LaunchSettings.class),
                Items.str(item, "serverLaunchSettings") == null
                        ? null
                        : PlanJson.read(Items.str(item, "serverLaunchSettings"), SERVER_SETTINGS));
    }

    private static <T> T json(Map<String, AttributeValue> item, String attribute, Class<T> type) {
        String value = Items.str(item, attribute);
        return value == null ? null : PlanJson.read(value, type);
    }

    private static ServerStatus server(Map<String, AttributeValue> item) {
        return new ServerStatus(
                SourceServerId.of(item.get("pk").s().substring("SERVER#".length())),
                Items.str(item, "hostname"),
                ReplicationState.valueOf(Items.requiredStr(item, "replicationState")),
                Items.num(item, "lagSeconds"),
                Instant.parse(Items.requiredStr(item, "syncedAt")),
                json(item, "launchSettings", LaunchSettings.class));
    }
}
