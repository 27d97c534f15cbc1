package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.expr.Condition;
import dev.drsorchestrator.devstack.dynamodb.expr.Parser;
import dev.drsorchestrator.devstack.dynamodb.expr.Placeholders;
import dev.drsorchestrator.devstack.dynamodb.expr.Projection;
import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.KeyTuple;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import dev.drsorchestrator.devstack.dynamodb.store.TableDef;
import dev.drsorchestrator.devstack.http.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Query and Scan, on a table or an index: key conditions select a range of one partition; items are read in key order
 * (Query: either way) from after ExclusiveStartKey until Limit items or 1 MB have been read; the filter then decides
 * what is returned, and LastEvaluatedKey marks where a page stopped early. Scans can be split into parallel segments
 * by partition.
 */
final class ReadOperations {
    static final long PAGE_BYTES = 1024 * 1024;
    private static final Set<String> SELECTS =
            Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Database db;

    ReadOperations(Database db) {
        this.db = db;
    }

    /** What one Query or Scan asks for, parsed before any table is read. */
    private record Request(
            String tableName,
            @Nullable String indexName,
            @Nullable Condition keyCondition,
            @Nullable Condition filter,
            @Nullable Projection projection,
            @Nullable String select,
            int limit,
            boolean consistent,
            boolean forward,
            Map<String, Value> startKey,
            int segment,
            int totalSegments) {}

    ObjectNode query(JsonNode in) {
        DynamoErrors.rejectLegacy(in, "KeyConditions", "QueryFilter", "ConditionalOperator");
        Placeholders placeholders = Placeholders.of(in);
        String keyCondition = Json.text(in, "KeyConditionExpression");
        if (keyCondition == null) {
            throw DynamoErrors.validation("Either the KeyConditions or KeyConditionExpression parameter must be"
                    + " specified in the request.");
        }
        Condition key = Parser.condition(keyCondition, "KeyConditionExpression", placeholders);
        return run(in, parse(in, placeholders, key), true);
    }

    ObjectNode scan(JsonNode in) {
        DynamoErrors.rejectLegacy(in, "ScanFilter", "ConditionalOperator");
        Placeholders placeholders = Placeholders.of(in);
        return run(in, parse(in, placeholders, null), false);
    }

    private static Request parse(JsonNode in, Placeholders placeholders, @Nullable Condition key) {
        String filterText = Json.text(in, "FilterExpression");
        Condition filter = filterText == null ? null : Parser.condition(filterText, "FilterExpression", placeholders);
        Projection projection = ItemOperations.projection(in, placeholders);
        placeholders.checkUsed(key != null || filter != null || Json.text(in, "ProjectionExpression") != null);
        String select = Json.text(in, "Select");
        if (select != null && !SELECTS.contains(select)) {
            throw DynamoErrors.validation("1 validation error detected: Value '" + select + "' at 'select' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: " + SELECTS);
        }
        if ("SPECIFIC_ATTRIBUTES".equals(select) && projection == null) {
            throw DynamoErrors.validation(
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select != null && !select.equals("SPECIFIC_ATTRIBUTES") && projection != null) {
            throw DynamoErrors.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        int limit = Integer.MAX_VALUE;
        if (in.has("Limit")) {
            limit = in.get("Limit").asInt();
            if (limit < 1) {
                throw DynamoErrors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed"
                        + " to satisfy constraint: Member must have value greater than or equal to 1");
            }
        }
        int segment = in.has("Segment") ? in.get("Segment").asInt() : -1;
        int total = in.has("TotalSegments") ? in.get("TotalSegments").asInt() : -1;
        if ((segment < 0) != (total < 0)) {
            throw DynamoErrors.validation("The " + (segment < 0 ? "Segment" : "TotalSegments") + " parameter is"
                    + " required but was not present in the request when " + (segment < 0 ? "TotalSegments" : "Segment")
                    + " parameter is present");
        }
        if (total >= 0 && (total < 1 || total > 1_000_000 || segment >= total)) {
            throw DynamoErrors.validation("The Segment parameter is zero-based and must be less than parameter"
                    + " TotalSegments: Segment: " + segment + " is out of bounds for TotalSegments: " + total);
        }
        return new Request(
                in.path("TableName").asText(""),
                Json.text(in, "IndexName"),
                key,
                filter,
                projection,
                select,
                limit,
                in.path("ConsistentRead").asBoolean(false),
                in.path("ScanIndexForward").asBoolean(true),
                Values.item(in.get("ExclusiveStartKey"), "ExclusiveStartKey"),
                Math.max(segment, 0),
                Math.max(total, 1));
    }

    /** What one page read: the items it returns, where it stopped early (or null), counts and bytes read. */
    private record Page(
            List<Map<String, Value>> items,
            @Nullable Map<String, Value> lastKey,
            long scanned,
            long bytes,
            boolean countOnly) {}

    private ObjectNode run(JsonNode in, Request r, boolean query) {
        Capacity capacity = new Capacity(in);
        Page page = db.read(d -> read(d, r, query));
        capacity.read(r.tableName(), page.bytes(), r.consistent(), false);
        ObjectNode out = Json.object();
        if (!page.countOnly()) {
            ArrayNode array = out.putArray("Items");
            page.items().forEach(i -> array.add(Values.render(i)));
        }
        out.put("Count", page.items().size()).put("ScannedCount", page.scanned());
        if (page.lastKey() != null) {
            out.set("LastEvaluatedKey", Values.render(page.lastKey()));
        }
        capacity.renderSingle(out, r.tableName());
        return out;
    }

    /** Reads one page; within the database's read lock. */
    private static Page read(Database d, Request r, boolean query) {
        Table table = Lookup.table(d, r.tableName());
        TableDef def = table.def();
        TableDef.IndexDef index = null;
        if (r.indexName() != null) {
            index = def.index(r.indexName())
                    .orElseThrow(() ->
                            DynamoErrors.validation("The table does not have the specified index: " + r.indexName()));
            if (index.global() && r.consistent()) {
                throw DynamoErrors.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        String select = checkSelect(r, index);
        TableDef.KeySchema schema = index == null ? def.key() : index.key();
        if (query && r.filter() != null) {
            for (String attr : r.filter().attributes()) {
                if (schema.attributes().contains(attr)) {
                    throw DynamoErrors.validation("Filter Expression can only contain non-primary key attributes:"
                            + " Primary key attribute: " + attr);
                }
            }
        }
        Iterator<Map<String, Value>> items = query
                ? queried(table, index, KeyCondition.of(r.keyCondition(), schema, def), r)
                : scanned(table, index, r);
        List<Map<String, Value>> returned = new ArrayList<>();
        Map<String, Value> lastKey = null;
        long scanned = 0;
        long bytes = 0;
        while (items.hasNext()) {
            Map<String, Value> item = items.next();
            Map<String, Value> visible = visible(def, index, item, select);
            scanned++;
            bytes += Values.size(item);
            if (r.filter() == null || r.filter().test(visible)) {
                returned.add(r.projection() == null ? visible : r.projection().apply(visible));
            }
            if (scanned >= r.limit() || bytes >= PAGE_BYTES) {
                // AWS gives LastEvaluatedKey whenever Limit stopped the page, even if nothing follows.
                if (items.hasNext() || scanned >= r.limit()) {
                    lastKey = table.keyOf(item, index);
                }
                break;
            }
        }
        return new Page(returned, lastKey, scanned, bytes, "COUNT".equals(select));
    }

    /** The effective Select; ALL_ATTRIBUTES on a global index that does not project everything is refused. */
    private static String checkSelect(Request r, TableDef.@Nullable IndexDef index) {
        String select = r.select();
        if (select == null) {
            return r.projection() != null
                    ? "SPECIFIC_ATTRIBUTES"
                    : index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw DynamoErrors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES")
                && index != null
                && index.global()
                && !index.projection().equals("ALL")) {
            throw DynamoErrors.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary"
                    + " index " + index.name() + " because its projection type is not ALL");
        }
        return select;
    }

    /** What a read of an index returns of an item: the index's projection (a local index can fetch the rest). */
    private static Map<String, Value> visible(
            TableDef def, TableDef.@Nullable IndexDef index, Map<String, Value> item, String select) {
        if (index == null || index.projection().equals("ALL") || (!index.global() && select.equals("ALL_ATTRIBUTES"))) {
            return item;
        }
        Map<String, Value> out = new TreeMap<>();
        List<String> names = new ArrayList<>(def.key().attributes());
        names.addAll(index.key().attributes());
        names.addAll(index.nonKeyAttributes());
        for (String n : names) {
            Value v = item.get(n);
            if (v != null) {
                out.put(n, v);
            }
        }
        return out;
    }

    private static Iterator<Map<String, Value>> queried(
            Table table, TableDef.@Nullable IndexDef index, KeyCondition key, Request r) {
        NavigableMap<KeyTuple, Map<String, Value>> partition =
                table.partitions(index).get(key.hash());
        if (partition == null) {
            return java.util.Collections.emptyIterator();
        }
        NavigableMap<KeyTuple, Map<String, Value>> selected = key.select(partition);
        if (!r.startKey().isEmpty()) {
            Map<String, Value> start = startKey(table, index, r.startKey());
            if (!key.hash().equals(start.get((index == null ? table.def().key() : index.key()).hash()))) {
                throw DynamoErrors.validation("The provided starting key is invalid: The provided key element does"
                        + " not match the partition key of the query");
            }
            KeyTuple after = table.position(index, start);
            selected = r.forward() ? selected.tailMap(after, false) : selected.headMap(after, false);
        }
        return (r.forward() ? selected : selected.descendingMap()).values().iterator();
    }

    private static Iterator<Map<String, Value>> scanned(Table table, TableDef.@Nullable IndexDef index, Request r) {
        NavigableMap<Value, TreeMap<KeyTuple, Map<String, Value>>> partitions = table.partitions(index);
        List<Iterator<Map<String, Value>>> parts = new ArrayList<>();
        NavigableMap<Value, TreeMap<KeyTuple, Map<String, Value>>> rest = partitions;
        if (!r.startKey().isEmpty()) {
            Map<String, Value> start = startKey(table, index, r.startKey());
            Value hash = start.get((index == null ? table.def().key() : index.key()).hash());
            TreeMap<KeyTuple, Map<String, Value>> first = partitions.get(hash);
            if (first != null && inSegment(hash, r)) {
                parts.add(first.tailMap(table.position(index, start), false)
                        .values()
                        .iterator());
            }
            rest = partitions.tailMap(hash, false);
        }
        for (Map.Entry<Value, TreeMap<KeyTuple, Map<String, Value>>> p : rest.entrySet()) {
            if (inSegment(p.getKey(), r)) {
                parts.add(p.getValue().values().iterator());
            }
        }
        return parts.stream().flatMap(it -> iterable(it)).iterator();
    }

    private static java.util.stream.Stream<Map<String, Value>> iterable(Iterator<Map<String, Value>> it) {
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(it, java.util.Spliterator.ORDERED), false);
    }

    private static boolean inSegment(Value hash, Request r) {
        return Math.floorMod(hash.hashCode(), r.totalSegments()) == r.segment();
    }

    /** ExclusiveStartKey: exactly the table's key attributes, plus the index's when reading an index. */
    private static Map<String, Value> startKey(Table table, TableDef.@Nullable IndexDef index, Map<String, Value> key) {
        TableDef def = table.def();
        java.util.Set<String> expected = new java.util.LinkedHashSet<>(def.key().attributes());
        if (index != null) {
            expected.addAll(index.key().attributes());
        }
        if (!key.keySet().equals(expected)) {
            throw DynamoErrors.validation(
                    "The provided starting key is invalid: The provided key element does not" + " match the schema");
        }
        for (String attr : expected) {
            if (!key.get(attr).type().equals(def.type(attr))) {
                throw DynamoErrors.validation("The provided starting key is invalid: The provided key element does"
                        + " not match the schema");
            }
        }
        return key;
    }
}
