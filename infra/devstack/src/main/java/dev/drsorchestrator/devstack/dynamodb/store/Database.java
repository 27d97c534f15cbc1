package dev.drsorchestrator.devstack.dynamodb.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.Values;
import dev.drsorchestrator.devstack.http.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every table of the one account devstack emulates, behind one read-write lock: a read sees only committed state, and
 * writes (single items, batches, transactions, table changes) run one at a time, so each is atomic and isolated and
 * the history is linearizable. With a data directory every committed change is journaled before it is acknowledged.
 */
public final class Database implements AutoCloseable {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Table> tables = new TreeMap<>();
    private final String account;
    private final String region;
    private final @Nullable Journal journal;

    public Database(String account, String region, @Nullable Path dataDir) {
        this.account = account;
        this.region = region;
        if (dataDir == null) {
            this.journal = null;
            return;
        }
        this.journal = new Journal(dataDir);
        journal.replay(this::replay);
        journal.rewrite(snapshot());
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    /** The table, or null; only within {@link #read} or {@link #write}. */
    public @Nullable Table table(String name) {
        return tables.get(name);
    }

    /** Table names in order; only within {@link #read} or {@link #write}. */
    public NavigableMap<String, Table> tables() {
        return tables;
    }

    public <T> T read(Function<Database, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code writer} alone. Its changes apply as it makes them and are journaled together when it returns; a
     * writer must check everything before its first change, so that a failure changes nothing.
     */
    public <T> T write(Function<Changes, T> writer) {
        lock.writeLock().lock();
        try {
            Changes changes = new Changes();
            T result = writer.apply(changes);
            if (journal != null && !changes.records.isEmpty()) {
                journal.append(changes.record());
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The changes of one {@link #write}: applied at once, journaled as one record (with a data directory). */
    public final class Changes {
        private final List<ObjectNode> records = new ArrayList<>();

        private void record(java.util.function.Supplier<ObjectNode> record) {
            if (journal != null) {
                records.add(record.get());
            }
        }

        public Database database() {
            return Database.this;
        }

        public @Nullable Table table(String name) {
            return tables.get(name);
        }

        public Table create(TableDef def) {
            Table t = new Table(def);
            tables.put(def.name(), t);
            record(() -> Json.object()
                    .put("op", "create")
                    .put("id", def.tableId())
                    .put("created", def.created().toEpochMilli())
                    .set("request", def.request()));
            return t;
        }

        public void drop(String name) {
            tables.remove(name);
            record(() -> Json.object().put("op", "drop").put("table", name));
        }

        /** Sets the table's TTL attribute (null: disabled), changed by UpdateTimeToLive at {@code at}. */
        public void ttl(Table table, @Nullable String attribute, Instant at) {
            table.ttlAttribute(attribute);
            table.ttlChangedAt(at);
            record(() -> Json.object()
                    .put("op", "ttl")
                    .put("table", table.def().name())
                    .put("attribute", attribute));
        }

        /** Stores the item; returns the item it replaced, or null. */
        public @Nullable Map<String, Value> put(Table table, Map<String, Value> item) {
            record(() -> Json.object()
                    .put("op", "put")
                    .put("table", table.def().name())
                    .set("item", Values.render(item)));
            return table.put(item);
        }

        /** Deletes the item with this key; returns it, or null. */
        public @Nullable Map<String, Value> delete(Table table, Map<String, Value> key) {
            record(() -> Json.object()
                    .put("op", "delete")
                    .put("table", table.def().name())
                    .set("key", Values.render(key)));
            return table.delete(key);
        }

        ObjectNode record() {
            if (records.size() == 1) {
                return records.get(0);
            }
            ObjectNode batch = Json.object().put("op", "batch");
            ArrayNode all = batch.putArray("changes");
            records.forEach(all::add);
            return batch;
        }
    }

    private void replay(JsonNode record) {
        switch (record.path("op").asText()) {
            case "create" -> {
                TableDef def = TableDefs.fromRequest(
                        (ObjectNode) record.get("request"),
                        account,
                        region,
                        record.path("id").asText(),
                        Instant.ofEpochMilli(record.path("created").asLong()));
                tables.put(def.name(), new Table(def));
            }
            case "drop" -> tables.remove(record.path("table").asText());
            case "ttl" -> {
                Table t = tables.get(record.path("table").asText());
                if (t != null) {
                    t.ttlAttribute(
                            record.hasNonNull("attribute")
                                    ? record.get("attribute").asText()
                                    : null);
                }
            }
            case "put" -> {
                Table t = tables.get(record.path("table").asText());
                if (t != null) {
                    t.put(Values.item(record.get("item"), "item"));
                }
            }
            case "delete" -> {
                Table t = tables.get(record.path("table").asText());
                if (t != null) {
                    t.delete(Values.item(record.get("key"), "key"));
                }
            }
            case "batch" -> record.path("changes").forEach(this::replay);
            default -> throw new IllegalStateException("unknown journal record " + record);
        }
    }

    private List<ObjectNode> snapshot() {
        List<ObjectNode> out = new ArrayList<>();
        for (Table t : tables.values()) {
            TableDef def = t.def();
            out.add(Json.object()
                    .put("op", "create")
                    .put("id", def.tableId())
                    .put("created", def.created().toEpochMilli())
                    .set("request", def.request()));
            if (t.ttlAttribute() != null) {
                out.add(Json.object().put("op", "ttl").put("table", def.name()).put("attribute", t.ttlAttribute()));
            }
            for (Map<String, Value> item : t.items()) {
                out.add(Json.object().put("op", "put").put("table", def.name()).set("item", Values.render(item)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (journal != null) {
                journal.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
