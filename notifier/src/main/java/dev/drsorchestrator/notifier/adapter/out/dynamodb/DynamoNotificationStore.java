package dev.drsorchestrator.notifier.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.StateJson;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.notifier.config.NotifierConfig;
import dev.drsorchestrator.notifier.domain.Delivery;
import dev.drsorchestrator.notifier.domain.Notification;
import dev.drsorchestrator.notifier.domain.NotificationStore;
import dev.drsorchestrator.notifier.domain.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

@ApplicationScoped
class DynamoNotificationStore implements NotificationStore {

    static final ObjectMapper MAPPER = StateJson.mapper();

    private static final List<String> TIME_KEYS = List.of("pk", "kind", "listKey");

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoNotificationStore(DynamoDbClient dynamo, Transactions transactions, NotifierConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.table();
    }

    @Override
    public void record(Notification notification, String consumedEventId, String detailType, int receiveCount) {
        Transaction tx = new Transaction()
                .write(
                        "notification",
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(item(notification))
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .build())
                                .build())
                .markProcessed(new dev.drsorchestrator.kit.events.Delivery(consumedEventId, detailType, receiveCount));
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            throw new Conflict("notification " + notification.id + " exists");
        }
    }

    @Override
    public Optional<Notification> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Map.of("pk", s("N#" + id))).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(notification(item));
    }

    @Override
    public List<Notification> due(Instant now, int limit) {
        return dynamo
                .query(r -> r.tableName(table)
                        .indexName(NotifierTables.BY_DUE)
                        .keyConditionExpression("pending = :p AND dueKey <= :now")
                        .expressionAttributeValues(
                                Map.of(":p", s("1"), ":now", s(String.format("%013d#~", now.toEpochMilli()))))
                        .limit(limit))
                .items()
                .stream()
                .map(DynamoNotificationStore::notification)
                .toList();
    }

    @Override
    public void save(Notification notification) {
        long expected = notification.version;
        notification.version = expected + 1;
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(item(notification))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(expected))));
        } catch (ConditionalCheckFailedException e) {
            notification.version = expected;
            throw new Conflict("notification " + notification.id + " changed meanwhile");
        }
    }

    @Override
    public Page<Notification> list(
            @Nullable Delivery delivery, @Nullable String executionId, int limit, @Nullable String cursor) {
        QueryRequest.Builder query = byTime("N");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":kind", s("N")));
        StringBuilder filter = new StringBuilder();
        if (delivery != null) {
            names.put("#d", "delivery");
            values.put(":d", s(delivery.name()));
            filter.append("#d = :d");
        }
        if (executionId != null) {
            names.put("#e", "executionId");
            values.put(":e", s(executionId));
            filter.append(filter.isEmpty() ? "" : " AND ").append("#e = :e");
        }
        query.expressionAttributeValues(values);
        if (!filter.isEmpty()) {
            query.filterExpression(filter.toString()).expressionAttributeNames(names);
        }
        Paging.Result result = Paging.collect(dynamo, query, limit, start(cursor), TIME_KEYS);
        return new Page<>(
                result.items().stream()
                        .map(DynamoNotificationStore::notification)
                        .toList(),
                next(result));
    }

    @Override
    public void create(Subscription subscription) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "pk", s("S#" + subscription.id()),
                        "kind", s("S"),
                        "listKey", s(listKey(subscription.createdAt(), subscription.id())),
                        "doc", s(write(subscription))))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Subscription> subscription(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Map.of("pk", s("S#" + id))).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item, Subscription.class));
    }

    @Override
    public Page<Subscription> subscriptions(int limit, @Nullable String cursor) {
        QueryRequest.Builder query = byTime("S").expressionAttributeValues(Map.of(":kind", s("S")));
        Paging.Result result = Paging.collect(dynamo, query, limit, start(cursor), TIME_KEYS);
        return new Page<>(
                result.items().stream().map(i -> read(i, Subscription.class)).toList(), next(result));
    }

    @Override
    public void delete(Subscription subscription) {
        dynamo.deleteItem(r -> r.tableName(table).key(Map.of("pk", s("S#" + subscription.id()))));
    }

    // ---- helpers

    private QueryRequest.Builder byTime(String kind) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(NotifierTables.BY_TIME)
                .keyConditionExpression("kind = :kind")
                .scanIndexForward(false);
    }

    private static @Nullable Map<String, AttributeValue> start(@Nullable String cursor) {
        Map<String, String> position = Cursors.decode(cursor);
        try {
            return position == null ? null : Paging.toKey(position, TIME_KEYS);
        } catch (RuntimeException e) {
            throw Paging.invalidCursor();
        }
    }

    private static @Nullable String next(Paging.Result result) {
        return result.next() == null ? null : Cursors.encode(Paging.fromKey(result.next()));
    }

    private static String listKey(Instant at, String id) {
        return String.format("%013d#%s", at.toEpochMilli(), id);
    }

    private static Map<String, AttributeValue> item(Notification n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("N#" + n.id));
        item.put("kind", s("N"));
        item.put("listKey", s(listKey(n.createdAt, n.id)));
        item.put("delivery", s(n.delivery.name()));
        item.put("executionId", s(n.executionId));
        item.put("version", n(n.version));
        item.put("doc", s(write(n)));
        if (n.delivery == Delivery.PENDING) {
            item.put("pending", s("1"));
            item.put("dueKey", s(listKey(n.nextAttemptAt, n.id)));
        }
        return item;
    }

    private static Notification notification(Map<String, AttributeValue> item) {
        Notification n = read(item, Notification.class);
        n.version = Items.num(item, "version", 0);
        return n;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return MAPPER.readValue(Items.requiredStr(item, "doc"), type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
