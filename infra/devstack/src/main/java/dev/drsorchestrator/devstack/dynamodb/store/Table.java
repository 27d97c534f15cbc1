package dev.drsorchestrator.devstack.dynamodb.store;

import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.Values;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A table's items and its secondary indexes, kept in step. Items are immutable maps. The table is a sorted map of
 * partitions (by hash key) of sorted items (by range key); each index the same by its own keys, holding only the
 * items that have the index's key attributes (sparse indexes). Not thread-safe: {@link Database} guards it.
 */
public final class Table {
    private final TableDef def;
    private final TreeMap<Value, TreeMap<KeyTuple, Map<String, Value>>> partitions = new TreeMap<>(KeyTuple.KEY_ORDER);
    private final Map<String, TreeMap<Value, TreeMap<KeyTuple, Map<String, Value>>>> indexes = new HashMap<>();
    private final Map<String, long[]> indexStats = new HashMap<>();
    private long itemCount;
    private long sizeBytes;
    private @Nullable String ttlAttribute;
    private java.time.@Nullable Instant ttlChangedAt;

    Table(TableDef def) {
        this.def = def;
        for (TableDef.IndexDef index : def.indexes()) {
            indexes.put(index.name(), new TreeMap<>(KeyTuple.KEY_ORDER));
            indexStats.put(index.name(), new long[2]);
        }
    }

    public TableDef def() {
        return def;
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** {item count, size in bytes} of an index. */
    public long[] indexStats(String index) {
        return indexStats.get(index).clone();
    }

    /** The enabled TTL attribute, or null when TTL is disabled. */
    public @Nullable String ttlAttribute() {
        return ttlAttribute;
    }

    void ttlAttribute(@Nullable String attribute) {
        this.ttlAttribute = attribute;
    }

    /** When UpdateTimeToLive last changed this table's TTL (since devstack started), or null. */
    public java.time.@Nullable Instant ttlChangedAt() {
        return ttlChangedAt;
    }

    void ttlChangedAt(java.time.Instant at) {
        this.ttlChangedAt = at;
    }

    public @Nullable Map<String, Value> get(Map<String, Value> key) {
        TreeMap<KeyTuple, Map<String, Value>> partition =
                partitions.get(key.get(def.key().hash()));
        return partition == null ? null : partition.get(rangeTuple(key));
    }

    /** Stores the item (replacing the one with its key); returns the replaced item or null. */
    Map<String, Value> put(Map<String, Value> item) {
        Map<String, Value> old = delete(item);
        partitions
                .computeIfAbsent(item.get(def.key().hash()), k -> new TreeMap<>())
                .put(rangeTuple(item), item);
        itemCount++;
        long size = Values.size(item);
        sizeBytes += size;
        for (TableDef.IndexDef index : def.indexes()) {
            KeyTuple tuple = indexTuple(index, item);
            if (tuple != null) {
                indexes.get(index.name())
                        .computeIfAbsent(item.get(index.key().hash()), k -> new TreeMap<>())
                        .put(tuple, item);
                long[] stats = indexStats.get(index.name());
                stats[0]++;
                stats[1] += size;
            }
        }
        return old;
    }

    /** Removes the item with this key; returns it or null. */
    Map<String, Value> delete(Map<String, Value> key) {
        Value hash = key.get(def.key().hash());
        TreeMap<KeyTuple, Map<String, Value>> partition = partitions.get(hash);
        Map<String, Value> old = partition == null ? null : partition.remove(rangeTuple(key));
        if (old == null) {
            return null;
        }
        if (partition.isEmpty()) {
            partitions.remove(hash);
        }
        itemCount--;
        long size = Values.size(old);
        sizeBytes -= size;
        for (TableDef.IndexDef index : def.indexes()) {
            KeyTuple tuple = indexTuple(index, old);
            if (tuple != null) {
                TreeMap<Value, TreeMap<KeyTuple, Map<String, Value>>> byHash = indexes.get(index.name());
                Value indexHash = old.get(index.key().hash());
                TreeMap<KeyTuple, Map<String, Value>> ip = byHash.get(indexHash);
                ip.remove(tuple);
                if (ip.isEmpty()) {
                    byHash.remove(indexHash);
                }
                long[] stats = indexStats.get(index.name());
                stats[0]--;
                stats[1] -= size;
            }
        }
        return old;
    }

    /** The partitions of the table (index null) or of an index: hash key → position → item. */
    public NavigableMap<Value, TreeMap<KeyTuple, Map<String, Value>>> partitions(TableDef.@Nullable IndexDef index) {
        return index == null ? partitions : indexes.get(index.name());
    }

    /** An item's position in its table partition: its range key, or nothing. */
    public KeyTuple rangeTuple(Map<String, Value> item) {
        return def.key().range() == null
                ? KeyTuple.of()
                : KeyTuple.of(item.get(def.key().range()));
    }

    /** An item's position in an index partition, or null when it lacks the index's keys (so it is not indexed). */
    public @Nullable KeyTuple indexTuple(TableDef.IndexDef index, Map<String, Value> item) {
        Value hash = item.get(index.key().hash());
        if (hash == null || !hash.type().equals(def.type(index.key().hash()))) {
            return null;
        }
        Value tableHash = item.get(def.key().hash());
        String range = index.key().range();
        Value tableRange = def.key().range() == null ? null : item.get(def.key().range());
        if (range == null) {
            return tableRange == null ? KeyTuple.of(tableHash) : KeyTuple.of(tableHash, tableRange);
        }
        Value r = item.get(range);
        if (r == null || !r.type().equals(def.type(range))) {
            return null;
        }
        return tableRange == null ? KeyTuple.of(r, tableHash) : KeyTuple.of(r, tableHash, tableRange);
    }

    /** The item's position in the table or in an index. */
    public KeyTuple position(TableDef.@Nullable IndexDef index, Map<String, Value> item) {
        return index == null ? rangeTuple(item) : indexTuple(index, item);
    }

    /** The table's key attributes of an item, plus the index's when reading an index (a LastEvaluatedKey). */
    public Map<String, Value> keyOf(Map<String, Value> item, TableDef.@Nullable IndexDef index) {
        Map<String, Value> key = new LinkedHashMap<>();
        for (String a : def.key().attributes()) {
            key.put(a, item.get(a));
        }
        if (index != null) {
            for (String a : index.key().attributes()) {
                key.put(a, item.get(a));
            }
        }
        return key;
    }

    /** Every item, partition by partition (for TTL sweeps and snapshots). */
    public Iterable<Map<String, Value>> items() {
        return () ->
                partitions.values().stream().flatMap(p -> p.values().stream()).iterator();
    }
}
