package dev.drsorchestrator.execution.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.execution.config.ExecutionConfig;
import dev.drsorchestrator.execution.domain.ActiveExecutions;
import dev.drsorchestrator.execution.domain.ConsumedEvent;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionQuery;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import dev.drsorchestrator.execution.domain.ListPage;
import dev.drsorchestrator.execution.domain.Outgoing;
import dev.drsorchestrator.execution.domain.TimelineEntry;
import dev.drsorchestrator.execution.domain.Timer;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.kit.rest.Cursors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Executions, their timelines, the holds of active executions, and timers in DynamoDB (see {@link ExecutionTables}). */
@ApplicationScoped
class DynamoExecutionStore implements ExecutionStore {

    private static final String STATE = "STATE";
    private static final String HOLDS = "HOLDS";
    private static final String TIMELINE = "T#";
    private static final String DUE = "DUE";
    private static final String KIND = "EXECUTION";
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final TypeReference<Map<String, ActiveExecutions.Held>> HOLD_MAP = new TypeReference<>() {};
    private static final TypeReference<List<TimelineEntry>> ENTRIES = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String executions;
    private final String timers;

    DynamoExecutionStore(DynamoDbClient dynamo, Transactions transactions, ExecutionConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.executions = config.tables().executions();
        this.timers = config.tables().timers();
    }

    // ---------------------------------------------------------------------------------------------------- reads

    @Override
    public Optional<Stored> find(ExecutionId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(executions).key(key(pk(id), STATE)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        byte[] form = item.get("state").b().asByteArray();
        return Optional.of(new Stored(ExecutionJson.read(form), Items.num(item, "version", 0), form));
    }

    @Override
    public Supplier<Execution> copies(Execution state) {
        return ExecutionJson.copies(state);
    }

    @Override
    public boolean unchanged(Stored read, Execution state) {
        return Arrays.equals(read.form(), ExecutionJson.write(state));
    }

    @Override
    public Holds holds() {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(executions).key(key(HOLDS, HOLDS)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new Holds(ActiveExecutions.none(), 0);
        }
        return new Holds(
                new ActiveExecutions(ExecutionJson.text(Items.requiredStr(item, "holds"), HOLD_MAP)),
                Items.num(item, "version", 0));
    }

    // --------------------------------------------------------------------------------------------------- writes

    @Override
    public void create(Change change, Holds holds) {
        Transaction tx =
                new Transaction().write("execution", putState(change.state(), 1, "attribute_not_exists(pk)", Map.of()));
        if (change.hold()) {
            tx.write("holds", putHolds(holds.version(), holds.active().with(change.state())));
        }
        commit(tx, change, 1);
    }

    @Override
    public long save(Change change, long version, @Nullable Holds holds) {
        Transaction tx = new Transaction()
                .write("execution", putState(change.state(), version + 1, "version = :v", Map.of(":v", n(version))));
        if (change.release()) {
            if (holds == null) {
                throw new IllegalArgumentException("releasing a hold needs the holds it was decided against");
            }
            tx.write("holds", putHolds(holds.version(), holds.active().without(change.state())));
        }
        commit(tx, change, version + 1);
        return version + 1;
    }

    private void commit(Transaction tx, Change change, long newVersion) {
        if (!change.timeline().isEmpty()) {
            tx.write(
                    "timeline",
                    put(Map.of(
                            "pk", s(pk(change.state().executionId)),
                            "sk", s(TIMELINE + String.format("%012d", newVersion)),
                            "entries", s(ExecutionJson.text(change.timeline())))));
        }
        for (Timer timer : change.timers()) {
            tx.write("arm " + timer.id(), putTimer(timer));
        }
        if (change.fired() != null) {
            tx.write("timer", deleteTimer(change.fired()));
        }
        for (Outgoing event : change.events()) {
            tx.publish(event.metadata(), event.payload());
        }
        if (change.consumed() != null) {
            tx.markProcessed(delivery(change.consumed()));
        }
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (e.failed("timer")) {
                throw new AlreadyDone("timer " + change.fired().id() + " was fired by another instance");
            }
            if (e.failed("execution") && newVersion == 1) {
                throw new AlreadyDone("execution " + change.state().executionId + " exists already");
            }
            if (e.failed("execution") || e.failed("holds") || e.conflict()) {
                throw new Conflict(
                        "execution " + change.state().executionId + " changed concurrently: " + e.failedConditions());
            }
            throw e;
        }
    }

    @Override
    public void acknowledge(@Nullable ConsumedEvent consumed, @Nullable Timer fired) {
        Transaction tx = new Transaction();
        if (fired != null) {
            tx.write("timer", deleteTimer(fired));
        }
        if (consumed != null) {
            tx.markProcessed(delivery(consumed));
        }
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (!e.failed("timer")) {
                throw e;
            }
        }
    }

    private TransactWriteItem putState(
            Execution e, long version, String condition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(e.executionId)));
        item.put("sk", s(STATE));
        item.put("kind", s(KIND));
        item.put("planId", s(e.planId.value()));
        item.put("listKey", s(listKey(e.requestedAt, e.executionId.value())));
        item.put("status", s(e.status.name()));
        item.put("executionType", s(e.executionType.name()));
        item.put("triggerType", s(e.trigger.type().name()));
        item.put("version", n(version));
        item.put("state", AttributeValue.fromB(SdkBytes.fromByteArray(ExecutionJson.write(e))));
        Put.Builder put = Put.builder().tableName(executions).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** The holds as they will be, conditional on the version they were read at (absent: none yet). */
    private TransactWriteItem putHolds(long version, ActiveExecutions next) {
        Put.Builder put = Put.builder()
                .tableName(executions)
                .item(Map.of(
                        "pk", s(HOLDS),
                        "sk", s(HOLDS),
                        "version", n(version + 1),
                        "holds", s(ExecutionJson.text(next.executions()))));
        if (version == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(version)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem putTimer(Timer timer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(timer.id()));
        item.put("shard", s(DUE));
        item.put("dueKey", s(dueKey(timer.dueAt())));
        item.put("dueAt", s(timer.dueAt().toString()));
        item.put("executionId", s(timer.executionId().value()));
        item.put("kind", s(timer.kind().name()));
        item.put("attempt", n(timer.attempt()));
        if (timer.waveId() != null) {
            item.put("waveId", s(timer.waveId()));
        }
        return put(timers, item);
    }

    private TransactWriteItem deleteTimer(Timer timer) {
        return TransactWriteItem.builder()
                .delete(Delete.builder()
                        .tableName(timers)
                        .key(Map.of("pk", s(timer.id())))
                        .conditionExpression("attribute_exists(pk)")
                        .build())
                .build();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return put(executions, item);
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).build())
                .build();
    }

    // ----------------------------------------------------------------------------------------------- listings

    @Override
    public ListPage<Execution> list(ExecutionQuery q) {
        boolean byPlan = q.planId() != null;
        String hashName = byPlan ? "planId" : "kind";
        List<String> keys = List.of("pk", "sk", hashName, "listKey");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#h", hashName);
        values.put(":h", s(byPlan ? q.planId().value() : KIND));
        String condition = "#h = :h";
        if (q.from() != null || q.to() != null) {
            condition += " AND #k BETWEEN :from AND :to";
            names.put("#k", "listKey");
            values.put(":from", s(q.from() == null ? "0" : SORTABLE.format(q.from())));
            values.put(":to", s(q.to() == null ? "~" : SORTABLE.format(q.to()) + "~"));
        }
        List<String> filters = new ArrayList<>();
        if (q.status() != null) {
            filters.add("#status = :status");
            names.put("#status", "status");
            values.put(":status", s(q.status().name()));
        }
        if (q.type() != null) {
            filters.add("executionType = :type");
            values.put(":type", s(q.type().name()));
        }
        if (q.trigger() != null) {
            filters.add("triggerType = :trigger");
            values.put(":trigger", s(q.trigger().name()));
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(executions)
                .indexName(byPlan ? ExecutionTables.BY_PLAN : ExecutionTables.BY_TIME)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false);
        if (!filters.isEmpty()) {
            query.filterExpression(String.join(" AND ", filters));
        }
        Map<String, String> position = Cursors.decode(q.cursor());
        Map<String, AttributeValue> start;
        try {
            start = position == null ? null : Paging.toKey(position, keys);
        } catch (RuntimeException e) {
            throw Paging.invalidCursor();
        }
        Paging.Result result = Paging.collect(dynamo, query, q.limit(), start, keys);
        List<Execution> items = result.items().stream()
                .map(item -> ExecutionJson.read(item.get("state").b().asByteArray()))
                .toList();
        return new ListPage<>(items, result.next() == null ? null : Cursors.encode(Paging.fromKey(result.next())));
    }

    @Override
    public ListPage<TimelineEntry> timeline(ExecutionId id, int limit, @Nullable String cursor) {
        Map<String, String> position = Cursors.decode(cursor);
        String fromSk = position == null ? TIMELINE : position.get("sk");
        int skip = 0;
        if (position != null) {
            try {
                skip = Integer.parseInt(position.getOrDefault("index", "0"));
            } catch (NumberFormatException e) {
                throw Paging.invalidCursor();
            }
            if (fromSk == null || !fromSk.startsWith(TIMELINE)) {
                throw Paging.invalidCursor();
            }
        }
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        while (true) {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(executions)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(pk(id)), ":from", s(fromSk), ":to", s(TIMELINE + "~")))
                    .exclusiveStartKey(startKey)
                    .limit(50)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = Items.requiredStr(item, "sk");
                List<TimelineEntry> lines = ExecutionJson.text(Items.requiredStr(item, "entries"), ENTRIES);
                int from = sk.equals(fromSk) ? skip : 0;
                for (int i = from; i < lines.size(); i++) {
                    if (entries.size() == limit) {
                        return new ListPage<>(entries, Cursors.encode(Map.of("sk", sk, "index", String.valueOf(i))));
                    }
                    entries.add(lines.get(i));
                }
            }
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new ListPage<>(entries, null);
            }
            startKey = page.lastEvaluatedKey();
        }
    }

    @Override
    public List<Timer> dueTimers(Instant now, int limit) {
        return dynamo
                .query(r -> r.tableName(timers)
                        .indexName(ExecutionTables.BY_DUE)
                        .keyConditionExpression("#shard = :due AND #due <= :now")
                        .expressionAttributeNames(Map.of("#shard", "shard", "#due", "dueKey"))
                        .expressionAttributeValues(Map.of(":due", s(DUE), ":now", s(dueKey(now))))
                        .limit(limit))
                .items()
                .stream()
                .map(item -> new Timer(
                        ExecutionId.of(Items.requiredStr(item, "executionId")),
                        Timer.Kind.valueOf(Items.requiredStr(item, "kind")),
                        Items.str(item, "waveId"),
                        (int) Items.num(item, "attempt", 0),
                        Instant.parse(Items.requiredStr(item, "dueAt"))))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------- keys

    private static String pk(ExecutionId id) {
        return "EXEC#" + id.value();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static String listKey(Instant requestedAt, String executionId) {
        return SORTABLE.format(requestedAt) + "#" + executionId;
    }

    private static String dueKey(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }

    private static Delivery delivery(ConsumedEvent consumed) {
        return new Delivery(consumed.eventId(), consumed.detailType(), 1);
    }
}
