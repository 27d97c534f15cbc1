package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.catalog.config.CatalogConfig;
import dev.drsorchestrator.catalog.domain.GroupQuery;
import dev.drsorchestrator.catalog.domain.GroupStore;
import dev.drsorchestrator.catalog.domain.ListPage;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.catalog.domain.ScopeChange;
import dev.drsorchestrator.catalog.domain.ScopeChanged;
import dev.drsorchestrator.catalog.domain.ScopeState;
import dev.drsorchestrator.catalog.domain.ServerStore;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Groups and scope items in DynamoDB. A change is one {@code TransactWriteItems}: the scope item's version moves on
 * only if it is still the one read (the condition that makes one of two racing changes lose), with the group items,
 * the outbox events and the assignments still to be written to the server items ({@code pending}).
 */
@ApplicationScoped
class DynamoGroupStore implements GroupStore {

    static final String SCOPES_PK = "SCOPES";
    private static final String SCOPE_WRITE = "scope-version";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final ServerStore servers;
    private final String table;

    DynamoGroupStore(DynamoDbClient dynamo, Transactions transactions, ServerStore servers, CatalogConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.servers = servers;
        this.table = config.tables().groups();
    }

    private static Map<String, AttributeValue> scopeKey(Scope scope) {
        return Map.of("pk", s(SCOPES_PK), "sk", s(scope.key()));
    }

    @Override
    public ScopeState load(Scope scope) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(scopeKey(scope)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new ScopeState(scope, 0, List.of(), Map.of());
        }
        List<ProtectionGroupId> ids = Items.strList(item, "groupIds").stream()
                .map(ProtectionGroupId::of)
                .toList();
        Map<SourceServerId, Optional<ProtectionGroupId>> pending = new LinkedHashMap<>();
        AttributeValue p = item.get("pending");
        if (p != null && p.hasM()) {
            p.m().forEach((server, holder) -> pending.put(
                    SourceServerId.of(server),
                    holder.s().isEmpty() ? Optional.empty() : Optional.of(ProtectionGroupId.of(holder.s()))));
        }
        Map<ProtectionGroupId, ProtectionGroup> groups = findAll(ids);
        return new ScopeState(scope, Items.num(item, "version", 0), List.copyOf(groups.values()), pending);
    }

    @Override
    public void commit(ScopeChange change) {
        Transaction tx = new Transaction();
        tx.write(SCOPE_WRITE, scopeUpdate(change));
        for (ProtectionGroup g : change.puts()) {
            tx.write(
                    "group:" + g.id(),
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(table)
                                    .item(GroupItems.toItem(g))
                                    .build())
                            .build());
        }
        for (ProtectionGroupId id : change.deletes()) {
            tx.write(
                    "delete:" + id,
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(table)
                                    .key(GroupItems.key(id))
                                    .build())
                            .build());
        }
        change.events().forEach(e -> tx.publish(e.metadata(), e.payload()));
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (e.failed(SCOPE_WRITE) || e.conflict()) {
                throw new ScopeChanged(change.scope(), change.expectedVersion());
            }
            throw e;
        }
    }

    private TransactWriteItem scopeUpdate(ScopeChange change) {
        Map<String, String> names = new HashMap<>(Map.of("#v", "version", "#ids", "groupIds"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", n(change.expectedVersion()));
        values.put(":next", n(change.expectedVersion() + 1));
        values.put(
                ":ids",
                Items.strings(
                        change.groupIds().stream().map(ProtectionGroupId::value).toList()));
        String update = "SET #v = :next, #ids = :ids";
        names.put("#pending", "pending");
        if (change.assignments().isEmpty()) {
            update += " REMOVE #pending";
        } else {
            Map<String, AttributeValue> pending = new HashMap<>();
            change.assignments()
                    .forEach((server, holder) -> pending.put(
                            server.value(),
                            s(holder.map(ProtectionGroupId::value).orElse(""))));
            values.put(":pending", AttributeValue.fromM(pending));
            update = "SET #v = :next, #ids = :ids, #pending = :pending";
        }
        String condition = change.expectedVersion() == 0 ? "attribute_not_exists(#v) OR #v = :v" : "#v = :v";
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(scopeKey(change.scope()))
                        .updateExpression(update)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    @Override
    public void finish(Scope scope, long version, Map<SourceServerId, Optional<ProtectionGroupId>> assignments) {
        servers.assign(scope, version, assignments);
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(scopeKey(scope))
                    .updateExpression("REMOVE #pending")
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#pending", "pending", "#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(version))));
        } catch (ConditionalCheckFailedException movedOn) {
            // a later change already finished these and committed its own
        }
    }

    @Override
    public Optional<ProtectionGroup> find(ProtectionGroupId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(GroupItems.key(id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(GroupItems.fromItem(item));
    }

    @Override
    public Map<ProtectionGroupId, ProtectionGroup> findAll(Collection<ProtectionGroupId> ids) {
        Map<ProtectionGroupId, ProtectionGroup> found = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys =
                ids.stream().distinct().map(GroupItems::key).toList();
        Items.batchGet(dynamo, table, keys).forEach(item -> {
            ProtectionGroup g = GroupItems.fromItem(item);
            found.put(g.id(), g);
        });
        Map<ProtectionGroupId, ProtectionGroup> ordered = new LinkedHashMap<>();
        for (ProtectionGroupId id : ids) {
            if (found.containsKey(id)) {
                ordered.put(id, found.get(id));
            }
        }
        return ordered;
    }

    @Override
    public ListPage<ProtectionGroup> list(GroupQuery query, int limit, @Nullable Map<String, String> position) {
        boolean byScope = query.accountId() != null && query.region() != null;
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String keyCondition;
        if (byScope) {
            names.put("#pk", "gsiScope");
            values.put(":pk", s(new Scope(query.accountId(), query.region()).key()));
        } else {
            names.put("#pk", "kind");
            values.put(":pk", s(GroupItems.KIND));
        }
        keyCondition = "#pk = :pk";
        if (query.namePrefix() != null && !query.namePrefix().isEmpty()) {
            names.put("#name", "nameKey");
            values.put(":prefix", s(query.namePrefix().toLowerCase(java.util.Locale.ROOT)));
            keyCondition += " AND begins_with(#name, :prefix)";
        }
        List<String> filters = new ArrayList<>();
        if (!byScope && query.accountId() != null) {
            names.put("#account", "accountId");
            values.put(":account", s(query.accountId().value()));
            filters.add("#account = :account");
        }
        if (!byScope && query.region() != null) {
            names.put("#region", "region");
            values.put(":region", s(query.region()));
            filters.add("#region = :region");
        }
        String indexPk = byScope ? "gsiScope" : "kind";
        QueryRequest.Builder base = QueryRequest.builder()
                .tableName(table)
                .indexName(byScope ? CatalogTables.BY_SCOPE : CatalogTables.BY_NAME)
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
        if (!filters.isEmpty()) {
            base.filterExpression(String.join(" AND ", filters));
        }
        List<String> keyAttributes = List.of("pk", "sk", indexPk, "nameKey");
        Paging.Result result = Paging.collect(
                dynamo, base, limit, position == null ? null : Paging.toKey(position, keyAttributes), keyAttributes);
        return new ListPage<>(
                result.items().stream().map(GroupItems::fromItem).toList(),
                result.next() == null ? null : Paging.fromKey(result.next()));
    }

    @Override
    public List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(SCOPES_PK)))
                        .projectionExpression("sk"))
                .items()
                .forEach(i -> scopes.add(Scope.fromKey(i.get("sk").s())));
        scopes.sort(null);
        return scopes;
    }

    @Override
    public void registerScope(Scope scope) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of("pk", s(SCOPES_PK), "sk", s(scope.key()), "version", n(0)))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // registered before
        }
    }
}
