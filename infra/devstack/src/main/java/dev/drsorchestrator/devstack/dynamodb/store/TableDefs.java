package dev.drsorchestrator.devstack.dynamodb.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.DynamoErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CreateTable request into a {@link TableDef}, refusing what AWS refuses: bad names, key schemas that are not
 * one HASH then at most one RANGE, attribute definitions that are missing or unused, billing settings that contradict
 * each other, too many or duplicate indexes, local indexes that do not share the table's hash key, and INCLUDE
 * projections without attributes. Every problem found is reported, not just the first.
 */
public final class TableDefs {
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");
    private static final int MAX_GSI = 20;
    private static final int MAX_LSI = 5;

    private TableDefs() {}

    public static TableDef fromRequest(ObjectNode request, String account, String region, String tableId, Instant at) {
        List<String> problems = new ArrayList<>();
        String name = request.path("TableName").asText("");
        if (!NAME.matcher(name).matches()) {
            problems.add("TableName '" + name + "' must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode d : request.path("AttributeDefinitions")) {
            String attr = d.path("AttributeName").asText("");
            String type = d.path("AttributeType").asText("");
            if (!KEY_TYPES.contains(type)) {
                problems.add("AttributeType of " + attr + " must be S, N or B, not '" + type + "'");
            }
            if (types.put(attr, type) != null) {
                problems.add("Duplicate AttributeName in AttributeDefinitions: " + attr);
            }
        }
        TableDef.KeySchema key = keySchema(request.path("KeySchema"), "table", problems);
        String billing = request.path("BillingMode").asText("PROVISIONED");
        if (!billing.equals("PROVISIONED") && !billing.equals("PAY_PER_REQUEST")) {
            problems.add("BillingMode must be PROVISIONED or PAY_PER_REQUEST, not '" + billing + "'");
        }
        TableDef.Throughput throughput = throughput(request.get("ProvisionedThroughput"), billing, "table", problems);
        Set<String> used = new TreeSet<>();
        if (key != null) {
            used.addAll(key.attributes());
        }
        List<TableDef.IndexDef> gsis = indexes(request.path("GlobalSecondaryIndexes"), true, billing, problems);
        List<TableDef.IndexDef> lsis = indexes(request.path("LocalSecondaryIndexes"), false, billing, problems);
        if (gsis.size() > MAX_GSI) {
            problems.add("too many GlobalSecondaryIndexes: " + gsis.size() + " (at most " + MAX_GSI + ")");
        }
        if (lsis.size() > MAX_LSI) {
            problems.add("too many LocalSecondaryIndexes: " + lsis.size() + " (at most " + MAX_LSI + ")");
        }
        Set<String> indexNames = new HashSet<>();
        for (TableDef.IndexDef index : concat(gsis, lsis)) {
            if (!indexNames.add(index.name())) {
                problems.add("Duplicate index name: " + index.name());
            }
            used.addAll(index.key().attributes());
            if (!index.global() && key != null) {
                if (key.range() == null) {
                    problems.add("Table KeySchema does not have a range key, which is required when specifying a"
                            + " LocalSecondaryIndex");
                } else if (!index.key().hash().equals(key.hash())) {
                    problems.add("Index KeySchema does not have the same leading hash key as table KeySchema for"
                            + " index: " + index.name() + ". index hash key: "
                            + index.key().hash()
                            + ", table hash key: " + key.hash());
                }
                if (index.key().range() == null) {
                    problems.add("LocalSecondaryIndex " + index.name() + " must have a RANGE key");
                }
            }
        }
        for (String attr : used) {
            if (!types.containsKey(attr)) {
                problems.add("Some index key attributes are not defined in AttributeDefinitions. Keys: " + used
                        + ", AttributeDefinitions: " + types.keySet());
                break;
            }
        }
        if (problems.isEmpty() && !used.containsAll(types.keySet())) {
            problems.add("Number of attributes in KeySchema does not exactly match number of attributes defined in"
                    + " AttributeDefinitions");
        }
        if (!problems.isEmpty()) {
            throw DynamoErrors.invalidParameter(String.join("; ", problems));
        }
        String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
        return new TableDef(name, arn, tableId, at, key, types, billing, throughput, gsis, lsis, request.deepCopy());
    }

    private static List<TableDef.IndexDef> concat(List<TableDef.IndexDef> a, List<TableDef.IndexDef> b) {
        List<TableDef.IndexDef> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static TableDef.KeySchema keySchema(JsonNode schema, String owner, List<String> problems) {
        String hash = null;
        String range = null;
        int i = 0;
        for (JsonNode element : schema) {
            String attr = element.path("AttributeName").asText("");
            String type = element.path("KeyType").asText("");
            if (i == 0 && type.equals("HASH")) {
                hash = attr;
            } else if (i == 1 && type.equals("RANGE")) {
                range = attr;
            } else {
                problems.add("Invalid KeySchema of " + owner + ": the first KeySchemaElement must be the HASH key"
                        + " and the second, if any, the RANGE key");
                return null;
            }
            i++;
        }
        if (hash == null) {
            problems.add("KeySchema of " + owner + " must have a HASH key");
            return null;
        }
        if (hash.equals(range)) {
            problems.add(
                    "Both the Hash Key and the Range Key element in the KeySchema of " + owner + " have the same name");
            return null;
        }
        return new TableDef.KeySchema(hash, range);
    }

    private static TableDef.Throughput throughput(JsonNode node, String billing, String owner, List<String> problems) {
        boolean given = node != null && !node.isNull();
        if (billing.equals("PAY_PER_REQUEST")) {
            if (given) {
                problems.add("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST (" + owner + ")");
            }
            return null;
        }
        if (!given || !node.has("ReadCapacityUnits") || !node.has("WriteCapacityUnits")) {
            problems.add("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                    + " PROVISIONED (" + owner + ")");
            return null;
        }
        long read = node.path("ReadCapacityUnits").asLong();
        long write = node.path("WriteCapacityUnits").asLong();
        if (read < 1 || write < 1) {
            problems.add("ReadCapacityUnits and WriteCapacityUnits must be at least 1 (" + owner + ")");
        }
        return new TableDef.Throughput(read, write);
    }

    private static List<TableDef.IndexDef> indexes(JsonNode list, boolean global, String billing, List<String> out) {
        List<TableDef.IndexDef> indexes = new ArrayList<>();
        for (JsonNode node : list) {
            String name = node.path("IndexName").asText("");
            String owner = "index " + name;
            if (!NAME.matcher(name).matches()) {
                out.add("IndexName '" + name + "' must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
            }
            TableDef.KeySchema key = keySchema(node.path("KeySchema"), owner, out);
            JsonNode projection = node.path("Projection");
            String type = projection.path("ProjectionType").asText("");
            List<String> nonKey = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
            if (!Set.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
                out.add("Unknown ProjectionType '" + type + "' for " + owner + ": ALL, KEYS_ONLY or INCLUDE");
            } else if (type.equals("INCLUDE") && nonKey.isEmpty()) {
                out.add("NonKeyAttributes must be given for ProjectionType INCLUDE (" + owner + ")");
            } else if (!type.equals("INCLUDE") && !nonKey.isEmpty()) {
                out.add("ProjectionType is " + type + ", but NonKeyAttributes is specified (" + owner + ")");
            }
            TableDef.Throughput throughput =
                    global ? throughput(node.get("ProvisionedThroughput"), billing, owner, out) : null;
            if (key != null) {
                indexes.add(new TableDef.IndexDef(name, global, key, type, nonKey, throughput));
            }
        }
        return indexes;
    }
}
