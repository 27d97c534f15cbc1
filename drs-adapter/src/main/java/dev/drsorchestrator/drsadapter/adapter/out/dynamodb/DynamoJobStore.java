package dev.drsorchestrator.drsadapter.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.ActionRun;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.FailbackRun;
import dev.drsorchestrator.drsadapter.domain.InventoryState;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.Scope;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.StateJson;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.rest.Cursors;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

@ApplicationScoped
class DynamoJobStore implements JobStore {

    static final ObjectMapper MAPPER = StateJson.mapper();

    /** Outbox bytes one transaction carries at most (DynamoDB allows 4 MB a transaction). */
    private static final int TX_BYTES = 3_000_000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableAccess t;

    DynamoJobStore(DynamoDbClient dynamo, TableAccess table, DrsConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
        this.t = table;
    }

    // ---- waves and jobs

    @Override
    public Optional<Instant> executionFirstSeen(ExecutionId execution) {
        Map<String, AttributeValue> item = t.get("EXEC#" + execution.value());
        return item == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Items.num(item, "firstSeenAt", 0)));
    }

    @Override
    public boolean wavePlanned(String waveKey) {
        return t.get(waveKey) != null;
    }

    @Override
    public void planWave(
            String waveKey,
            @Nullable Instant executionFirstSeen,
            ExecutionId execution,
            List<JobRequest> jobs,
            List<Outgoing> events,
            Consumed consumed) {
        Transaction tx = new Transaction();
        tx.write("wave", t.putNew(Map.of("pk", s(waveKey), "executionId", s(execution.value()), "kind", s("WAVE"))));
        if (executionFirstSeen != null) {
            tx.write(
                    "execution",
                    t.putNew(Map.of(
                            "pk",
                            s("EXEC#" + execution.value()),
                            "kind",
                            s("EXEC"),
                            "firstSeenAt",
                            n(executionFirstSeen.toEpochMilli()))));
        }
        for (JobRequest job : jobs) {
            tx.write("job", t.putNew(jobItem(job)));
        }
        t.commit(tx, events, consumed);
    }

    @Override
    public void planFailback(String waveKey, FailbackRun run, List<Outgoing> events, Consumed consumed) {
        Transaction tx = new Transaction();
        tx.write(
                "wave",
                t.putNew(Map.of("pk", s(waveKey), "executionId", s(run.executionId.value()), "kind", s("WAVE"))));
        tx.write("failback", t.putNew(failbackItem(run)));
        t.commit(tx, events, consumed);
    }

    @Override
    public List<FailbackRun> openFailbacks() {
        return t.queryAll(t.open("FAILBACK")).stream()
                .map(i -> read(i, FailbackRun.class))
                .toList();
    }

    @Override
    public void save(FailbackRun run, List<JobRequest> newJobs, List<Outgoing> events) {
        long expected = run.version;
        run.version = expected + 1;
        Transaction tx = new Transaction().write("failback", t.putVersioned(failbackItem(run), expected));
        for (JobRequest job : newJobs) {
            tx.write("job", t.putNew(jobItem(job)));
        }
        try {
            t.commit(tx, events, null);
        } catch (RuntimeException e) {
            run.version = expected;
            throw e;
        }
    }

    private Map<String, AttributeValue> failbackItem(FailbackRun run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(run.id));
        item.put("kind", s("FAILBACK"));
        item.put("executionId", s(run.executionId.value()));
        item.put("version", n(run.version));
        item.put("doc", s(write(run)));
        if (!run.done) {
            item.put("open", s("FAILBACK"));
            item.put("queueKey", s(run.createdAt.toEpochMilli() + "#" + run.id));
        }
        return item;
    }

    @Override
    public List<JobRequest> openJobs() {
        return t.queryAll(t.open("JOB")).stream()
                .map(i -> read(i, JobRequest.class))
                .toList();
    }

    @Override
    public Optional<JobRequest> job(String id) {
        return Optional.ofNullable(t.get(id)).map(i -> read(i, JobRequest.class));
    }

    @Override
    public void save(JobRequest job, List<Outgoing> events) {
        saveVersioned("job", job.version, v -> job.version = v, () -> jobItem(job), events);
    }

    @Override
    public Page<JobRequest> jobsOf(ExecutionId execution, int limit, @Nullable String cursor) {
        List<String> keys = List.of("pk", "executionId");
        Map<String, String> position = Cursors.decode(cursor);
        Map<String, AttributeValue> start;
        try {
            start = position == null ? null : Paging.toKey(position, keys);
        } catch (RuntimeException e) {
            throw Paging.invalidCursor();
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(DrsTables.BY_EXECUTION)
                .keyConditionExpression("executionId = :e AND begins_with(pk, :job)")
                .expressionAttributeValues(Map.of(":e", s(execution.value()), ":job", s("JOB#")));
        Paging.Result result = Paging.collect(dynamo, query, limit, start, keys);
        return new Page<>(
                result.items().stream().map(i -> read(i, JobRequest.class)).toList(),
                result.next() == null ? null : Cursors.encode(Paging.fromKey(result.next())));
    }

    @Override
    public void acknowledge(Consumed consumed, List<Outgoing> events) {
        t.commit(new Transaction(), events, consumed);
    }

    @Override
    public void createJobs(List<JobRequest> jobs, List<Outgoing> events, Consumed consumed) {
        Transaction tx = new Transaction();
        for (JobRequest job : jobs) {
            tx.write("job", t.putNew(jobItem(job)));
        }
        t.commit(tx, events, consumed);
    }

    private Map<String, AttributeValue> jobItem(JobRequest job) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(job.id));
        item.put("kind", s("JOB"));
        item.put("executionId", s(job.executionId.value()));
        item.put("version", n(job.version));
        item.put("doc", s(write(job)));
        if (job.phase.open()) {
            item.put("open", s("JOB"));
            item.put("queueKey", s(job.queueKey));
        }
        return item;
    }

    // ---- actions

    @Override
    public void createAction(ActionRun run, Consumed consumed) {
        t.commit(new Transaction().write("action", t.putNew(actionItem(run))), List.of(), consumed);
    }

    @Override
    public List<ActionRun> openActions() {
        return t.queryAll(t.open("ACTION")).stream()
                .map(i -> read(i, ActionRun.class))
                .toList();
    }

    @Override
    public void save(ActionRun run, List<Outgoing> events) {
        saveVersioned("action", run.version, v -> run.version = v, () -> actionItem(run), events);
    }

    /** Writes an item read at {@code expected} with the next version; the object keeps its version if that fails. */
    private void saveVersioned(
            String label,
            long expected,
            java.util.function.LongConsumer setVersion,
            java.util.function.Supplier<Map<String, AttributeValue>> item,
            List<Outgoing> events) {
        setVersion.accept(expected + 1);
        try {
            t.commit(new Transaction().write(label, t.putVersioned(item.get(), expected)), events, null);
        } catch (RuntimeException e) {
            setVersion.accept(expected);
            throw e;
        }
    }

    private Map<String, AttributeValue> actionItem(ActionRun run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(run.id));
        item.put("kind", s("ACTION"));
        item.put("version", n(run.version));
        item.put("doc", s(write(run)));
        if (!run.done) {
            item.put("open", s("ACTION"));
            item.put("queueKey", s(run.createdAt.toEpochMilli() + "#" + run.id));
        }
        return item;
    }

    // ---- inventory

    @Override
    public Optional<InventoryState> inventory(Scope scope) {
        Map<String, AttributeValue> item = t.get(inventoryKey(scope));
        if (item == null) {
            return Optional.empty();
        }
        InventoryState state = gunzip(item.get("doc").b().asByteArray());
        state.version = Items.num(item, "version", 0);
        return Optional.of(state);
    }

    @Override
    public void saveInventory(InventoryState state, boolean isNew, List<Outgoing> events) {
        long expected = state.version;
        List<List<Outgoing>> groups = new ArrayList<>();
        List<Outgoing> current = new ArrayList<>();
        long bytes = 0;
        for (Outgoing e : events) {
            long size = EventCodec.writeJson(e.payload()).length() + 1_000L;
            if (!current.isEmpty() && (current.size() >= 90 || bytes + size > TX_BYTES)) {
                groups.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e);
            bytes += size;
        }
        for (List<Outgoing> early : groups) {
            t.commit(new Transaction(), early, null);
        }
        state.version = expected + 1;
        Map<String, AttributeValue> item = Map.of(
                "pk", s(inventoryKey(state.scope())),
                "kind", s("INV"),
                "version", n(state.version),
                "doc", AttributeValue.fromB(SdkBytes.fromByteArray(gzip(state))));
        try {
            t.commit(
                    new Transaction().write("inventory", isNew ? t.putNew(item) : t.putVersioned(item, expected)),
                    current,
                    null);
        } catch (RuntimeException e) {
            state.version = expected;
            throw e;
        }
    }

    private static String inventoryKey(Scope scope) {
        return "INV#" + scope.accountId().value() + "#" + scope.region();
    }

    // ---- helpers

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            T value = MAPPER.readValue(Items.requiredStr(item, "doc"), type);
            long version = Items.num(item, "version", 0);
            if (value instanceof JobRequest j) {
                j.version = version;
            } else if (value instanceof ActionRun a) {
                a.version = version;
            } else if (value instanceof FailbackRun f) {
                f.version = version;
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static byte[] gzip(InventoryState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            MAPPER.writeValue(out, state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the inventory state of " + state.scope(), e);
        }
        return bytes.toByteArray();
    }

    private static InventoryState gunzip(byte[] stored) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return MAPPER.readValue(in, InventoryState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored inventory state is unreadable: " + e.getMessage(), e);
        }
    }
}
