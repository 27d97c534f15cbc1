package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.catalog.config.CatalogConfig;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.catalog.domain.ListPage;
import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.catalog.domain.ServerFacts;
import dev.drsorchestrator.catalog.domain.ServerQuery;
import dev.drsorchestrator.catalog.domain.ServerStore;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.catalog.domain.TagSelector;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.events.Delivery;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The server inventory in DynamoDB: keyed by server id, queried through three indexes, never scanned. */
@ApplicationScoped
class DynamoServerStore implements ServerStore {

    /** Parallel single-item writes (an inventory chunk, a group's assignments). */
    private static final int WRITERS = 8;

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;
    private final String groupsTable;
    private final Clock clock;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
        Thread t = new Thread(r, "catalog-server-writer");
        t.setDaemon(true);
        return t;
    });

    DynamoServerStore(DynamoDbClient dynamo, Transactions transactions, CatalogConfig config, Clock clock) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().servers();
        this.groupsTable = config.tables().groups();
        this.clock = clock;
    }

    void stop(@Observes ShutdownEvent event) {
        writers.shutdownNow();
    }

    @Override
    public Map<SourceServerId, SourceServer> get(Collection<SourceServerId> ids) {
        Map<SourceServerId, SourceServer> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys =
                ids.stream().distinct().map(ServerItems::key).toList();
        Items.batchGet(dynamo, table, keys).forEach(item -> {
            SourceServer server = ServerItems.fromItem(item);
            found.put(server.id(), server);
        });
        return found;
    }

    @Override
    public List<SourceServerId> matching(Scope scope, TagSelector selector) {
        Map<String, String> names = new HashMap<>(Map.of("#scope", "scope", "#tags", "tags"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":scope", s(scope.key())));
        List<String> filters = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, java.util.Set<String>> term : selector.terms().entrySet()) {
            names.put("#k" + k, term.getKey());
            List<String> options = new ArrayList<>();
            int v = 0;
            for (String value : term.getValue()) {
                values.put(":k" + k + "v" + v, s(value));
                options.add(":k" + k + "v" + v);
                v++;
            }
            filters.add("#tags.#k" + k + " IN (" + String.join(", ", options) + ")");
            k++;
        }
        List<SourceServerId> ids = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .indexName(CatalogTables.BY_SCOPE)
                        .keyConditionExpression("#scope = :scope")
                        .filterExpression(String.join(" AND ", filters))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .projectionExpression("serverId"))
                .items()
                .forEach(i -> ids.add(SourceServerId.of(i.get("serverId").s())));
        return ids;
    }

    @Override
    public List<ServerFacts> upsert(Scope scope, String syncId, Instant syncedAt, List<SourceServerState> servers) {
        List<Optional<ServerFacts>> results = parallel(servers, s -> upsertOne(scope, syncId, syncedAt, s));
        return results.stream().flatMap(Optional::stream).toList();
    }

    /** Returns the server's facts before the write if membership must look at it again (new, or tags changed). */
    private Optional<ServerFacts> upsertOne(Scope scope, String syncId, Instant syncedAt, SourceServerState s) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Function<String, String> name = attr -> {
            names.put("#" + attr, attr);
            return "#" + attr;
        };
        java.util.function.BiConsumer<String, AttributeValue> put = (attr, value) -> {
            if (value == null) {
                remove.add(name.apply(attr));
            } else {
                values.put(":" + attr, value);
                set.add(name.apply(attr) + " = :" + attr);
            }
        };
        put.accept("accountId", s(scope.accountId().value()));
        put.accept("region", s(scope.region()));
        put.accept("scope", s(scope.key()));
        put.accept("hostname", s.hostname() == null ? null : s(s.hostname()));
        put.accept("hostKey", s(ServerItems.hostKey(s.hostname(), s.sourceServerId())));
        put.accept("tags", Items.stringMap(s.tags()));
        put.accept("replicationState", s(s.replicationState().name()));
        put.accept("stateKey", s(ServerItems.stateKey(scope, s.replicationState())));
        put.accept("lagSeconds", s.lagSeconds() == null ? null : n(s.lagSeconds()));
        put.accept("lifecycleState", s.lifecycleState() == null ? null : s(s.lifecycleState()));
        put.accept(
                "lastLaunchStatus",
                s.lastLaunchStatus() == null ? null : s(s.lastLaunchStatus().name()));
        put.accept(
                "recoveryInstanceId",
                s.recoveryInstanceId() == null ? null : s(s.recoveryInstanceId().value()));
        put.accept(ServerItems.ORIGIN, ServerItems.originAttribute(s.origin()));
        put.accept("replicationDirection", s.replicationDirection() == null ? null : s(s.replicationDirection()));
        put.accept(
                "reversedDirectionSourceServerArn",
                s.reversedDirectionSourceServerArn() == null ? null : s(s.reversedDirectionSourceServerArn()));
        put.accept(ServerItems.LAUNCH, s.launchSettings() == null ? null : s(LaunchJson.write(s.launchSettings())));
        put.accept("lastSeenAt", s(s.lastSeenAt().toString()));
        put.accept("syncedAt", n(syncedAt.toEpochMilli()));
        put.accept("lastSyncId", s(syncId));
        put.accept("knownToDrs", Items.bool(true));
        put.accept("goneSince", null);
        values.put(":unassigned", s(ServerItems.assignKey(scope, null)));
        set.add(name.apply("assignKey") + " = if_not_exists(#assignKey, :unassigned)");
        String update =
                "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(table)
                .key(ServerItems.key(s.sourceServerId()))
                .updateExpression(update)
                .conditionExpression("attribute_not_exists(#syncedAt) OR #syncedAt <= :syncedAt")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)
                .build();
        Map<String, AttributeValue> old;
        try {
            old = dynamo.updateItem(request).attributes();
        } catch (ConditionalCheckFailedException newer) {
            return Optional.empty();
        }
        if (old == null || old.isEmpty() || !Items.bool(old, "knownToDrs")) {
            String holder = old == null ? null : Items.str(old, "groupId");
            return Optional.of(new ServerFacts(
                    s.sourceServerId(), Map.of(), holder == null ? null : ProtectionGroupId.of(holder)));
        }
        Map<String, String> oldTags = Items.strMap(old, "tags");
        if (!oldTags.equals(s.tags())) {
            SourceServer before = ServerItems.fromItem(old);
            return Optional.of(before.facts());
        }
        return Optional.empty();
    }

    @Override
    public int markGone(Scope scope, String syncId, Instant syncedAt) {
        Instant now = clock.instant();
        List<SourceServerId> missing = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .indexName(CatalogTables.BY_SCOPE)
                        .keyConditionExpression("#scope = :scope")
                        .filterExpression("#known = :true AND attribute_not_exists(#gone) AND #synced < :synced")
                        .expressionAttributeNames(Map.of(
                                "#scope", "scope", "#known", "knownToDrs", "#gone", "goneSince", "#synced", "syncedAt"))
                        .expressionAttributeValues(Map.of(
                                ":scope",
                                s(scope.key()),
                                ":true",
                                Items.bool(true),
                                ":synced",
                                n(syncedAt.toEpochMilli())))
                        .projectionExpression("serverId"))
                .items()
                .forEach(i -> missing.add(SourceServerId.of(i.get("serverId").s())));
        List<Boolean> marked = parallel(missing, id -> {
            try {
                dynamo.updateItem(r -> r.tableName(table)
                        .key(ServerItems.key(id))
                        .updateExpression("SET #gone = :now")
                        .conditionExpression("attribute_not_exists(#gone) AND #synced < :synced")
                        .expressionAttributeNames(Map.of("#gone", "goneSince", "#synced", "syncedAt"))
                        .expressionAttributeValues(
                                Map.of(":now", s(now.toString()), ":synced", n(syncedAt.toEpochMilli()))));
                return true;
            } catch (ConditionalCheckFailedException reportedMeanwhile) {
                return false;
            }
        });
        return (int) marked.stream().filter(b -> b).count();
    }

    @Override
    public boolean recordChunk(String syncId, int chunkIndex, int chunkCount) {
        long expires = clock.instant().plus(java.time.Duration.ofDays(2)).getEpochSecond();
        var response = dynamo.updateItem(r -> r.tableName(groupsTable)
                .key(Map.of("pk", s("SYNC#" + syncId), "sk", s("SYNC")))
                .updateExpression("ADD #chunks :chunk SET #count = :count, #expires = :expires")
                .expressionAttributeNames(Map.of("#chunks", "chunks", "#count", "chunkCount", "#expires", "expiresAt"))
                .expressionAttributeValues(Map.of(
                        ":chunk", AttributeValue.fromNs(List.of(Integer.toString(chunkIndex))),
                        ":count", n(chunkCount),
                        ":expires", n(expires)))
                .returnValues(ReturnValue.UPDATED_NEW));
        AttributeValue chunks = response.attributes().get("chunks");
        return chunks != null && chunks.ns().size() >= chunkCount;
    }

    @Override
    public void assign(Scope scope, long version, Map<SourceServerId, Optional<ProtectionGroupId>> assignments) {
        parallel(List.copyOf(assignments.entrySet()), e -> {
            assignOne(scope, version, e.getKey(), e.getValue().orElse(null));
            return null;
        });
    }

    private void assignOne(Scope scope, long version, SourceServerId id, @Nullable ProtectionGroupId holder) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#av", "assignVersion",
                "#ak", "assignKey",
                "#group", "groupId",
                "#scope", "scope",
                "#account", "accountId",
                "#region", "region",
                "#host", "hostKey",
                "#stateKey", "stateKey",
                "#state", "replicationState",
                "#known", "knownToDrs"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":av", n(version),
                ":ak", s(ServerItems.assignKey(scope, holder)),
                ":scope", s(scope.key()),
                ":account", s(scope.accountId().value()),
                ":region", s(scope.region()),
                ":host", s(ServerItems.hostKey(null, id)),
                ":stateKey", s(ServerItems.stateKey(scope, ReplicationState.UNKNOWN)),
                ":state", s(ReplicationState.UNKNOWN.name()),
                ":false", Items.bool(false)));
        String update = "SET #av = :av, #ak = :ak, #scope = if_not_exists(#scope, :scope),"
                + " #account = if_not_exists(#account, :account), #region = if_not_exists(#region, :region),"
                + " #host = if_not_exists(#host, :host), #stateKey = if_not_exists(#stateKey, :stateKey),"
                + " #state = if_not_exists(#state, :state), #known = if_not_exists(#known, :false)";
        if (holder == null) {
            update += " REMOVE #group";
        } else {
            values.put(":group", s(holder.value()));
            update += ", #group = :group";
        }
        String expression = update;
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(ServerItems.key(id))
                    .updateExpression(expression)
                    .conditionExpression("attribute_not_exists(#av) OR #av <= :av")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newer) {
            // a later change of the scope already wrote this server's holder
        }
    }

    @Override
    public void markConsumed(ConsumedEvent consumed) {
        transactions.commit(
                new Transaction().markProcessed(new Delivery(consumed.eventId(), consumed.detailType(), 1)));
    }

    @Override
    public ListPage<SourceServer> list(
            ServerQuery query, List<Scope> scopes, int limit, @Nullable Map<String, String> position) {
        ServerListing listing = new ServerListing(query);
        if (listing.singlePartition() != null) {
            List<String> keys = listing.keyAttributes();
            Paging.Result r = Paging.collect(
                    dynamo,
                    listing.request(table, listing.singlePartition()),
                    limit,
                    position == null ? null : Paging.toKey(position, keys),
                    keys);
            return page(r.items(), r.next() == null ? null : Paging.fromKey(r.next()));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String fromScope = position == null ? null : position.get("_scope");
        if (position != null && fromScope == null) {
            throw Paging.invalidCursor();
        }
        for (int i = 0; i < scopes.size(); i++) {
            Scope scope = scopes.get(i);
            if (fromScope != null && scope.key().compareTo(fromScope) < 0) {
                continue;
            }
            Map<String, AttributeValue> start =
                    fromScope != null && scope.key().equals(fromScope) && position.size() > 1
                            ? Paging.toKey(position, listing.keyAttributes())
                            : null;
            Paging.Result r = Paging.collect(
                    dynamo,
                    listing.request(table, listing.partition(scope)),
                    limit - items.size(),
                    start,
                    listing.keyAttributes());
            items.addAll(r.items());
            if (r.next() != null) {
                Map<String, String> next = new LinkedHashMap<>(Paging.fromKey(r.next()));
                next.put("_scope", scope.key());
                return page(items, next);
            }
            if (items.size() == limit) {
                return page(
                        items,
                        i + 1 < scopes.size()
                                ? Map.of("_scope", scopes.get(i + 1).key())
                                : null);
            }
        }
        return page(items, null);
    }

    private static ListPage<SourceServer> page(
            List<Map<String, AttributeValue>> items, @Nullable Map<String, String> next) {
        return new ListPage<>(items.stream().map(ServerItems::fromItem).toList(), next);
    }

    private <T, R> List<R> parallel(List<T> inputs, Function<T, R> work) {
        if (inputs.size() <= 1) {
            return inputs.stream().map(work).toList();
        }
        List<CompletableFuture<R>> futures = inputs.stream()
                .map(i -> CompletableFuture.supplyAsync(() -> work.apply(i), writers))
                .toList();
        return futures.stream()
                .map(CompletableFuture::join)
                .filter(Objects::nonNull)
                .toList();
    }

    /** How a server query maps onto an index: which partition(s), which key condition, which filters. */
    private static final class ServerListing {
        private final ServerQuery query;
        private final String index;
        private final String partitionAttribute;

        ServerListing(ServerQuery query) {
            this.query = query;
            if (query.protectionGroupId() != null || query.unassignedOnly()) {
                index = CatalogTables.BY_ASSIGNMENT;
                partitionAttribute = "assignKey";
            } else if (query.replicationState() != null) {
                index = CatalogTables.BY_STATE;
                partitionAttribute = "stateKey";
            } else {
                index = CatalogTables.BY_SCOPE;
                partitionAttribute = "scope";
            }
        }

        @Nullable
        String singlePartition() {
            return query.protectionGroupId() == null
                    ? null
                    : query.protectionGroupId().value();
        }

        String partition(Scope scope) {
            return switch (partitionAttribute) {
                case "assignKey" -> ServerItems.assignKey(scope, null);
                case "stateKey" -> ServerItems.stateKey(scope, query.replicationState());
                default -> scope.key();
            };
        }

        List<String> keyAttributes() {
            return List.of("serverId", partitionAttribute, "hostKey");
        }

        QueryRequest.Builder request(String table, String partition) {
            Map<String, String> names = new HashMap<>(Map.of("#pk", partitionAttribute));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
            String keyCondition = "#pk = :pk";
            if (query.hostnamePrefix() != null && !query.hostnamePrefix().isEmpty()) {
                names.put("#host", "hostKey");
                values.put(":host", s(query.hostnamePrefix().toLowerCase(java.util.Locale.ROOT)));
                keyCondition += " AND begins_with(#host, :host)";
            }
            List<String> filters = new ArrayList<>();
            if (query.replicationState() != null && !partitionAttribute.equals("stateKey")) {
                names.put("#state", "replicationState");
                values.put(":state", s(query.replicationState().name()));
                filters.add("#state = :state");
            }
            if (singlePartition() != null && query.accountId() != null) {
                names.put("#account", "accountId");
                values.put(":account", s(query.accountId().value()));
                filters.add("#account = :account");
            }
            if (singlePartition() != null && query.region() != null) {
                names.put("#region", "region");
                values.put(":region", s(query.region()));
                filters.add("#region = :region");
            }
            if (query.originType() != null) {
                names.put("#origin", ServerItems.ORIGIN);
                names.put("#originType", ServerItems.ORIGIN_TYPE);
                values.put(":originType", s(query.originType().name()));
                filters.add("#origin.#originType = :originType");
            }
            int i = 0;
            for (Map.Entry<String, String> tag : query.tags().entrySet()) {
                names.put("#tags", "tags");
                names.put("#t" + i, tag.getKey());
                values.put(":t" + i, s(tag.getValue()));
                filters.add("#tags.#t" + i + " = :t" + i);
                i++;
            }
            QueryRequest.Builder builder = QueryRequest.builder()
                    .tableName(table)
                    .indexName(index)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values);
            if (!filters.isEmpty()) {
                builder.filterExpression(String.join(" AND ", filters));
            }
            return builder;
        }
    }
}
