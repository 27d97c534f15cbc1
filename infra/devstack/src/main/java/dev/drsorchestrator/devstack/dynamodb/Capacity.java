package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * ConsumedCapacity as DynamoDB counts it, when the request asks for it ({@code ReturnConsumedCapacity} TOTAL or
 * INDEXES): a write is one unit per KB of the larger of the old and new item, a read one unit per 4 KB (half for an
 * eventually consistent read), a transaction twice that. Units add up per table.
 */
final class Capacity {
    private final boolean wanted;
    private final boolean indexes;
    private final Map<String, Double> units = new TreeMap<>();

    Capacity(JsonNode request) {
        String mode = request.path("ReturnConsumedCapacity").asText("NONE");
        if (!mode.equals("NONE") && !mode.equals("TOTAL") && !mode.equals("INDEXES")) {
            throw DynamoErrors.validation("ReturnConsumedCapacity must be NONE, TOTAL or INDEXES, not " + mode);
        }
        this.wanted = !mode.equals("NONE");
        this.indexes = mode.equals("INDEXES");
    }

    void write(String table, long bytes, boolean transactional) {
        add(table, Math.max(1, Math.ceil(bytes / 1024.0)) * (transactional ? 2 : 1));
    }

    void read(String table, long bytes, boolean consistent, boolean transactional) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        add(table, transactional ? units * 2 : consistent ? units : units / 2);
    }

    private void add(String table, double u) {
        units.merge(table, u, Double::sum);
    }

    /** Adds {@code ConsumedCapacity} (one table) to the response. */
    void renderSingle(ObjectNode response, String table) {
        if (wanted) {
            response.set("ConsumedCapacity", entry(table, units.getOrDefault(table, 0.0)));
        }
    }

    /** Adds {@code ConsumedCapacity} as a list, one entry per table (batches and transactions). */
    void renderList(ObjectNode response) {
        if (wanted) {
            ArrayNode list = response.putArray("ConsumedCapacity");
            units.forEach((table, u) -> list.add(entry(table, u)));
        }
    }

    private ObjectNode entry(String table, double u) {
        ObjectNode e = Json.object().put("TableName", table).put("CapacityUnits", u);
        if (indexes) {
            e.putObject("Table").put("CapacityUnits", u);
        }
        return e;
    }
}
