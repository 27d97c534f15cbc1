package dev.drsorchestrator.devstack.dynamodb;

import dev.drsorchestrator.devstack.dynamodb.store.TableDef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks AWS makes on keys and items against a table's schema: a Key names exactly the key attributes with their
 * types; an item has its key attributes, of the right types and not empty; index key attributes, when present, have
 * the index's types and are not empty; keys and items stay within DynamoDB's size limits.
 */
final class Keys {
    static final long MAX_ITEM_BYTES = 400 * 1024;
    /** AWS's quota: maps and lists nest at most 32 levels deep. */
    static final int MAX_DEPTH = 32;

    private static final long MAX_HASH_BYTES = 2048;
    private static final long MAX_RANGE_BYTES = 1024;

    private Keys() {}

    /** A Key parameter: exactly the table's key attributes, of their types. */
    static Map<String, Value> key(TableDef def, Map<String, Value> key) {
        if (key.size() != def.key().attributes().size()) {
            throw DynamoErrors.keyMismatch();
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (String attr : def.key().attributes()) {
            Value v = key.get(attr);
            if (v == null || !v.type().equals(def.type(attr))) {
                throw DynamoErrors.keyMismatch();
            }
            checkKeyValue(def, attr, v);
            out.put(attr, v);
        }
        return out;
    }

    /** The key of an item about to be written (PutItem, BatchWriteItem's PutRequest). */
    static Map<String, Value> keyOfItem(TableDef def, Map<String, Value> item) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (String attr : def.key().attributes()) {
            Value v = item.get(attr);
            if (v == null) {
                throw DynamoErrors.invalidParameter("Missing the key " + attr + " in the item");
            }
            if (!v.type().equals(def.type(attr))) {
                throw DynamoErrors.invalidParameter(
                        "Type mismatch for key " + attr + " expected: " + def.type(attr) + " actual: " + v.type());
            }
            checkKeyValue(def, attr, v);
            out.put(attr, v);
        }
        return out;
    }

    private static void checkKeyValue(TableDef def, String attr, Value v) {
        if (isEmpty(v)) {
            throw DynamoErrors.validation("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty " + (v instanceof Value.S ? "string" : "binary")
                    + " value. Key: " + attr);
        }
        if (attr.equals(def.key().hash()) && v.size() > MAX_HASH_BYTES) {
            throw DynamoErrors.invalidParameter(
                    "Size of hashkey has exceeded the maximum size limit of " + MAX_HASH_BYTES + " bytes");
        }
        if (attr.equals(def.key().range()) && v.size() > MAX_RANGE_BYTES) {
            throw DynamoErrors.invalidParameter(
                    "Aggregated size of all range keys has exceeded the size limit of " + MAX_RANGE_BYTES + " bytes");
        }
    }

    private static boolean isEmpty(Value v) {
        return (v instanceof Value.S s && s.value().isEmpty())
                || (v instanceof Value.B b && b.value().length() == 0);
    }

    /**
     * An item about to be stored: its index key attributes, where present, must have the index's types and not be
     * empty; the whole item must fit in 400 KB. {@code tooLarge} is the message for that case (it differs for puts
     * and updates).
     */
    static void checkStored(TableDef def, Map<String, Value> item, String tooLarge) {
        for (TableDef.IndexDef index : def.indexes()) {
            for (String attr : index.key().attributes()) {
                Value v = item.get(attr);
                if (v == null || def.key().attributes().contains(attr)) {
                    continue;
                }
                if (!v.type().equals(def.type(attr))) {
                    throw DynamoErrors.invalidParameter("Type mismatch for Index Key " + attr + " Expected: "
                            + def.type(attr) + " Actual: " + v.type() + " IndexName: " + index.name());
                }
                if (isEmpty(v)) {
                    throw DynamoErrors.validation("One or more parameter values are not valid. A value specified for a"
                            + " secondary index key is not supported. The AttributeValue for a key attribute cannot"
                            + " contain an empty string value. IndexName: " + index.name() + ", IndexKey: " + attr);
                }
            }
        }
        for (Value v : item.values()) {
            if (Values.depth(v) > MAX_DEPTH) {
                throw DynamoErrors.validation("Nesting Levels have exceeded supported limits: documents nest at most "
                        + MAX_DEPTH + " levels deep");
            }
        }
        if (Values.size(item) > MAX_ITEM_BYTES) {
            throw DynamoErrors.validation(tooLarge);
        }
    }
}
