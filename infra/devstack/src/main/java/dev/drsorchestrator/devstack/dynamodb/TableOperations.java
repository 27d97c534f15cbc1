package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import dev.drsorchestrator.devstack.dynamodb.store.TableDef;
import dev.drsorchestrator.devstack.dynamodb.store.TableDefs;
import dev.drsorchestrator.devstack.http.Json;
import java.time.Clock;
import java.util.List;
import java.util.NavigableMap;
import java.util.UUID;

/**
 * CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTimeToLive and DescribeTimeToLive. Tables are ACTIVE as
 * soon as they are created (AWS passes through CREATING first; the SDK's waiter sees ACTIVE at once) and gone as soon
 * as they are deleted.
 */
final class TableOperations {
    private static final int MAX_LIST = 100;
    /** AWS's quota: one UpdateTimeToLive per table an hour. */
    private static final java.time.Duration TTL_CHANGE_INTERVAL = java.time.Duration.ofHours(1);

    private final Database db;
    private final Clock clock;

    TableOperations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    ObjectNode createTable(JsonNode in) {
        if (!in.isObject()) {
            throw DynamoErrors.serialization("CreateTable needs a JSON object");
        }
        TableDef def = TableDefs.fromRequest(
                (ObjectNode) in, db.account(), db.region(), UUID.randomUUID().toString(), clock.instant());
        return db.write(changes -> {
            if (changes.table(def.name()) != null) {
                throw DynamoErrors.inUse("Table already exists: " + def.name());
            }
            Table t = changes.create(def);
            return Json.object().set("TableDescription", describe(t, "ACTIVE"));
        });
    }

    ObjectNode describeTable(JsonNode in) {
        String name = in.path("TableName").asText("");
        return db.read(d -> Json.object().set("Table", describe(Lookup.namedTable(d, name), "ACTIVE")));
    }

    ObjectNode deleteTable(JsonNode in) {
        String name = in.path("TableName").asText("");
        return db.write(changes -> {
            Table t = Lookup.namedTable(changes.database(), name);
            ObjectNode description = describe(t, "DELETING");
            changes.drop(name);
            return Json.object().set("TableDescription", description);
        });
    }

    ObjectNode listTables(JsonNode in) {
        int limit = in.has("Limit") ? in.get("Limit").asInt() : MAX_LIST;
        if (limit < 1 || limit > MAX_LIST) {
            throw DynamoErrors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
                    + " satisfy constraint: Member must have value less than or equal to 100 and greater than or"
                    + " equal to 1");
        }
        String start = Json.text(in, "ExclusiveStartTableName");
        return db.read(d -> {
            NavigableMap<String, Table> tables =
                    start == null ? d.tables() : d.tables().tailMap(start, false);
            ObjectNode out = Json.object();
            ArrayNode names = out.putArray("TableNames");
            String last = null;
            for (String name : tables.keySet()) {
                if (names.size() == limit) {
                    out.put("LastEvaluatedTableName", last);
                    break;
                }
                names.add(name);
                last = name;
            }
            return out;
        });
    }

    ObjectNode updateTimeToLive(JsonNode in) {
        String name = in.path("TableName").asText("");
        JsonNode spec = in.path("TimeToLiveSpecification");
        if (!spec.has("Enabled")
                || !spec.hasNonNull("AttributeName")
                || spec.get("AttributeName").asText().isEmpty()) {
            throw DynamoErrors.validation("TimeToLiveSpecification needs Enabled and a non-empty AttributeName");
        }
        boolean enabled = spec.get("Enabled").asBoolean();
        String attribute = spec.get("AttributeName").asText();
        return db.write(changes -> {
            Table t = Lookup.namedTable(changes.database(), name);
            String current = t.ttlAttribute();
            java.time.Instant now = clock.instant();
            if (t.ttlChangedAt() != null
                    && t.ttlChangedAt().plus(TTL_CHANGE_INTERVAL).isAfter(now)) {
                throw DynamoErrors.validation("Time to live has been modified multiple times within a fixed interval;"
                        + " a table's TTL can be changed once an hour (last changed at " + t.ttlChangedAt() + ")");
            }
            if (enabled && current != null) {
                throw DynamoErrors.validation("TimeToLive is already enabled");
            }
            if (!enabled && current == null) {
                throw DynamoErrors.validation("TimeToLive is already disabled");
            }
            if (!enabled && !current.equals(attribute)) {
                throw DynamoErrors.validation("TimeToLive is enabled on attribute " + current + ", not " + attribute);
            }
            changes.ttl(t, enabled ? attribute : null, now);
            ObjectNode out = Json.object();
            out.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
            return out;
        });
    }

    ObjectNode describeTimeToLive(JsonNode in) {
        String name = in.path("TableName").asText("");
        return db.read(d -> {
            Table t = Lookup.namedTable(d, name);
            ObjectNode out = Json.object();
            ObjectNode description = out.putObject("TimeToLiveDescription");
            if (t.ttlAttribute() == null) {
                description.put("TimeToLiveStatus", "DISABLED");
            } else {
                description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", t.ttlAttribute());
            }
            return out;
        });
    }

    /** A TableDescription as AWS writes it. */
    private static ObjectNode describe(Table t, String status) {
        TableDef def = t.def();
        ObjectNode d = Json.object();
        ArrayNode attributes = d.putArray("AttributeDefinitions");
        def.attributeTypes().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e ->
                        attributes.addObject().put("AttributeName", e.getKey()).put("AttributeType", e.getValue()));
        d.put("TableName", def.name());
        d.set("KeySchema", keySchema(def.key()));
        d.put("TableStatus", status);
        d.put("CreationDateTime", def.created().toEpochMilli() / 1000.0);
        d.set("ProvisionedThroughput", throughput(def.throughput()));
        d.put("TableSizeBytes", t.sizeBytes());
        d.put("ItemCount", t.itemCount());
        d.put("TableArn", def.arn());
        d.put("TableId", def.tableId());
        d.putObject("BillingModeSummary").put("BillingMode", def.billingMode());
        indexes(d, "GlobalSecondaryIndexes", def.globalIndexes(), t, true);
        indexes(d, "LocalSecondaryIndexes", def.localIndexes(), t, false);
        d.put("DeletionProtectionEnabled", false);
        return d;
    }

    private static void indexes(ObjectNode d, String field, List<TableDef.IndexDef> list, Table t, boolean global) {
        if (list.isEmpty()) {
            return;
        }
        ArrayNode array = d.putArray(field);
        for (TableDef.IndexDef index : list) {
            ObjectNode i = array.addObject();
            i.put("IndexName", index.name());
            i.set("KeySchema", keySchema(index.key()));
            ObjectNode projection = i.putObject("Projection").put("ProjectionType", index.projection());
            if (!index.nonKeyAttributes().isEmpty()) {
                ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                index.nonKeyAttributes().forEach(nonKey::add);
            }
            if (global) {
                i.put("IndexStatus", "ACTIVE");
                i.set("ProvisionedThroughput", throughput(index.throughput()));
            }
            long[] stats = t.indexStats(index.name());
            i.put("IndexSizeBytes", stats[1]);
            i.put("ItemCount", stats[0]);
            i.put("IndexArn", t.def().arn() + "/index/" + index.name());
        }
    }

    private static ArrayNode keySchema(TableDef.KeySchema key) {
        ArrayNode schema = Json.array();
        schema.addObject().put("AttributeName", key.hash()).put("KeyType", "HASH");
        if (key.range() != null) {
            schema.addObject().put("AttributeName", key.range()).put("KeyType", "RANGE");
        }
        return schema;
    }

    private static ObjectNode throughput(TableDef.Throughput throughput) {
        ObjectNode p = Json.object().put("NumberOfDecreasesToday", 0);
        p.put("ReadCapacityUnits", throughput == null ? 0 : throughput.read());
        p.put("WriteCapacityUnits", throughput == null ? 0 : throughput.write());
        return p;
    }
}
