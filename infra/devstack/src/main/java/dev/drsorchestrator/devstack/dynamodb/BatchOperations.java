package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.expr.Projection;
import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import dev.drsorchestrator.devstack.http.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys, 16 MB of answer; keys beyond that come back in UnprocessedKeys) and BatchWriteItem (up
 * to 25 puts and deletes, no conditions). A batch is checked whole before anything is read or written; each write is
 * atomic, and devstack applies the whole batch at once, so UnprocessedItems is always empty.
 */
final class BatchOperations {
    private static final int MAX_GET = 100;
    private static final int MAX_WRITE = 25;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Database db;

    BatchOperations(Database db) {
        this.db = db;
    }

    private record TableRead(
            String table, List<Map<String, Value>> keys, Projection projection, boolean consistent, JsonNode request) {}

    ObjectNode batchGetItem(JsonNode in) {
        JsonNode requestItems = requestItems(in);
        List<TableRead> reads = new ArrayList<>();
        int total = 0;
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> e = tables.next();
            JsonNode spec = e.getValue();
            Projection projection = ItemOperations.readProjection(spec);
            List<Map<String, Value>> keys = new ArrayList<>();
            spec.path("Keys").forEach(k -> keys.add(Values.item(k, "Keys")));
            if (keys.isEmpty()) {
                throw DynamoErrors.validation("1 validation error detected: Value at 'requestItems." + e.getKey()
                        + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal"
                        + " to 1");
            }
            if (new HashSet<>(keys).size() != keys.size()) {
                throw DynamoErrors.validation("Provided list of item keys contains duplicates");
            }
            total += keys.size();
            reads.add(new TableRead(
                    e.getKey(), keys, projection, spec.path("ConsistentRead").asBoolean(false), spec));
        }
        if (total > MAX_GET) {
            throw DynamoErrors.validation("Too many items requested for the BatchGetItem call");
        }
        Capacity capacity = new Capacity(in);
        ObjectNode out = Json.object();
        ObjectNode responses = out.putObject("Responses");
        ObjectNode unprocessed = out.putObject("UnprocessedKeys");
        db.read(d -> {
            List<Table> found = new ArrayList<>();
            for (TableRead r : reads) {
                Table t = Lookup.table(d, r.table());
                r.keys().forEach(k -> Keys.key(t.def(), k));
                found.add(t);
            }
            long bytes = 0;
            for (int i = 0; i < reads.size(); i++) {
                TableRead r = reads.get(i);
                ArrayNode items = responses.putArray(r.table());
                List<Map<String, Value>> left = new ArrayList<>();
                for (Map<String, Value> key : r.keys()) {
                    if (bytes >= MAX_RESPONSE_BYTES) {
                        left.add(key);
                        continue;
                    }
                    Map<String, Value> item =
                            found.get(i).get(Keys.key(found.get(i).def(), key));
                    capacity.read(r.table(), ItemOperations.size(item), r.consistent(), false);
                    if (item != null) {
                        Map<String, Value> shown =
                                r.projection() == null ? item : r.projection().apply(item);
                        bytes += Values.size(shown);
                        items.add(Values.render(shown));
                    }
                }
                if (!left.isEmpty()) {
                    ObjectNode spec = ((ObjectNode) r.request()).deepCopy();
                    ArrayNode keys = spec.putArray("Keys");
                    left.forEach(k -> keys.add(Values.render(k)));
                    unprocessed.set(r.table(), spec);
                }
            }
            return null;
        });
        capacity.renderList(out);
        return out;
    }

    private static JsonNode requestItems(JsonNode in) {
        JsonNode requestItems = in.path("RequestItems");
        if (!requestItems.isObject() || requestItems.isEmpty()) {
            throw DynamoErrors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy"
                    + " constraint: Member must have length greater than or equal to 1");
        }
        return requestItems;
    }

    /** One PutRequest or DeleteRequest of a BatchWriteItem. */
    private record BatchWrite(String table, boolean put, Map<String, Value> value) {}

    ObjectNode batchWriteItem(JsonNode in) {
        JsonNode requestItems = requestItems(in);
        List<BatchWrite> writes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> e = tables.next();
            for (JsonNode request : e.getValue()) {
                boolean put = request.has("PutRequest");
                if (put == request.has("DeleteRequest")) {
                    throw DynamoErrors.validation("Each WriteRequest must have exactly one of PutRequest and"
                            + " DeleteRequest (table " + e.getKey() + ")");
                }
                JsonNode body = put
                        ? request.get("PutRequest").get("Item")
                        : request.get("DeleteRequest").get("Key");
                writes.add(new BatchWrite(e.getKey(), put, Values.item(body, put ? "Item" : "Key")));
            }
        }
        if (writes.size() > MAX_WRITE) {
            throw DynamoErrors.validation("Too many items requested for the BatchWriteItem call");
        }
        if (writes.isEmpty()) {
            throw DynamoErrors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy"
                    + " constraint: Map value must satisfy constraint: [Member must have length greater than or"
                    + " equal to 1]");
        }
        Capacity capacity = new Capacity(in);
        db.write(changes -> {
            Set<String> seen = new HashSet<>();
            List<Table> targets = new ArrayList<>();
            List<Map<String, Value>> keys = new ArrayList<>();
            for (BatchWrite w : writes) {
                Table t = Lookup.table(changes.database(), w.table());
                Map<String, Value> key = w.put() ? Keys.keyOfItem(t.def(), w.value()) : Keys.key(t.def(), w.value());
                if (w.put()) {
                    Keys.checkStored(t.def(), w.value(), "Item size has exceeded the maximum allowed size");
                }
                if (!seen.add(w.table() + "\u0000" + Values.render(key))) {
                    throw DynamoErrors.validation("Provided list of item keys contains duplicates");
                }
                targets.add(t);
                keys.add(key);
            }
            for (int i = 0; i < writes.size(); i++) {
                BatchWrite w = writes.get(i);
                Map<String, Value> old =
                        w.put() ? changes.put(targets.get(i), w.value()) : changes.delete(targets.get(i), keys.get(i));
                capacity.write(
                        w.table(), Math.max(ItemOperations.size(old), w.put() ? Values.size(w.value()) : 0), false);
            }
            return null;
        });
        ObjectNode out = Json.object();
        out.putObject("UnprocessedItems");
        capacity.renderList(out);
        return out;
    }
}
