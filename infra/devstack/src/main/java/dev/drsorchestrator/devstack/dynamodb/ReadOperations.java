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
        rejectLegacy(in, "KeyConditions", "QueryFilter", "ConditionalOperator");
        Placeholders placeholders = Placeholders.of(in);
        if (!in.hasNonNull("KeyConditionExpression")) {
            throw DynamoErrors.validation("Either the KeyConditions or KeyConditionExpression parameter must be"
                    + " specified in the request.");
        }
        Condition key =
                Parser.condition(in.get("KeyConditionExpression").asText(), "KeyConditionExpression", placeholders);
        return run(in, parse(in, placeholders, key), true);
    }

    ObjectNode scan(JsonNode in) {
        rejectLegacy(in, "ScanFilter", "ConditionalOperator");
        Placeholders placeholders = Placeholders.of(in);
        return run(in, parse(in, placeholders, null), false);
    }

    private static void rejectLegacy(JsonNode in, String... legacy) {
        for (String name : legacy) {
            if (in.has(name)) {
                throw DynamoErrors.validation("devstack's DynamoDB does not support the legacy parameter " + name
                        + "; use KeyConditionExpression and FilterExpression");
            }
        }
    }

    private static Request parse(JsonNode in, Placeholders placeholders, @Nullable Condition key) {
        Condition filter = in.hasNonNull("FilterExpression")
                ? Parser.condition(in.get("FilterExpression").asText(), "FilterExpression", placeholders)
                : null;
        Projection projection = ItemOperations.projection(in, placeholders);
        if (key == null && filter == null && (projection == null || !in.hasNonNull("ProjectionExpression"))) {
            placeholders.checkNoExpressions();
        } else {
            placeholders.checkAllUsed();
        }
        String select = in.hasNonNull("Select") ? in.get("Select").asText() : null;
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
                in.hasNonNull("IndexName") ? in.get("IndexName").asText() : null,
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

    private ObjectNode run(JsonNode in, Request r, boolean query) {
        Capacity capacity = new Capacity(in);
        ObjectNode out = Json.object();
        List<Map<String, Value>> returned = new ArrayList<>();
        Map<String, Value>[] lastKey = newKeyHolder();
        long[] counts = new long[2];
        db.read(d -> {
            Table table = Lookup.table(d, r.tableName());
            TableDef def = table.def();
            TableDef.IndexDef index = null;
            if (r.indexName() != null) {
                index = def.index(r.indexName())
                        .orElseThrow(() -> DynamoErrors.validation(
                                "The table does not have the specified index: " + r.indexName()));
                if (index.global() && r.consistent()) {
                    throw DynamoErrors.validation("Consistent reads are not supported on global secondary indexes");
                }
            }
            String select = checkSelect(r, index);
            TableDef.KeySchema schema = index == null ? def.key() : index.key();
            if (query && r.filter() != null) {
                for (String attr : attributes(r.filter())) {
                    if (schema.attributes().contains(attr)) {
                        throw DynamoErrors.validation("Filter Expression can only contain non-primary key attributes:"
                                + " Primary key attribute: " + attr);
                    }
                }
            }
            Iterator<Map<String, Value>> items = query
                    ? queried(table, index, KeyCondition.of(r.keyCondition(), schema, def), r)
                    : scanned(table, index, r);
            long bytes = 0;
            while (items.hasNext()) {
                Map<String, Value> item = items.next();
                Map<String, Value> visible = visible(def, index, item, select);
                counts[1]++;
                bytes += Values.size(item);
                if (r.filter() == null || r.filter().test(visible)) {
                    returned.add(
                            r.projection() == null ? visible : r.projection().apply(visible));
                    counts[0]++;
                }
                if (counts[1] >= r.limit() || bytes >= PAGE_BYTES) {
                    if (items.hasNext() || counts[1] >= r.limit()) {
                        lastKey[0] = table.keyOf(item, index);
                    }
                    break;
                }
            }
            capacity.read(r.tableName(), bytes, r.consistent(), false);
            if (!"COUNT".equals(select)) {
                ArrayNode array = out.putArray("Items");
                returned.forEach(i -> array.add(Values.render(i)));
            }
            return null;
        });
        out.put("Count", counts[0]).put("ScannedCount", counts[1]);
        if (lastKey[0] != null) {
            out.set("LastEvaluatedKey", Values.render(lastKey[0]));
        }
        capacity.renderSingle(out, r.tableName());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Value>[] newKeyHolder() {
        return new Map[1];
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

    /** The top-level attributes a condition reads. */
    static Set<String> attributes(Condition c) {
        Set<String> out = new java.util.HashSet<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, Set<String> out) {
        if (c instanceof Condition.And and) {
            collect(and.left(), out);
            collect(and.right(), out);
        } else if (c instanceof Condition.Or or) {
            collect(or.left(), out);
            collect(or.right(), out);
        } else if (c instanceof Condition.Not not) {
            collect(not.inner(), out);
        } else if (c instanceof Condition.Compare cmp) {
            heads(out, cmp.left(), cmp.right());
        } else if (c instanceof Condition.Between b) {
            heads(out, b.value(), b.low(), b.high());
        } else if (c instanceof Condition.In in) {
            heads(out, in.value());
            in.candidates().forEach(o -> heads(out, o));
        } else if (c instanceof Condition.AttributeExists e) {
            out.add(e.path().head());
        } else if (c instanceof Condition.AttributeType t) {
            out.add(t.path().head());
        } else if (c instanceof Condition.BeginsWith bw) {
            heads(out, bw.value(), bw.prefix());
        } else if (c instanceof Condition.Contains ct) {
            heads(out, ct.container(), ct.element());
        }
    }

    private static void heads(Set<String> out, dev.drsorchestrator.devstack.dynamodb.expr.Operand... operands) {
        for (var o : operands) {
            if (o instanceof dev.drsorchestrator.devstack.dynamodb.expr.Operand.PathOperand p) {
                out.add(p.path().head());
            } else if (o instanceof dev.drsorchestrator.devstack.dynamodb.expr.Operand.Size s) {
                out.add(s.path().head());
            }
        }
    }
}
