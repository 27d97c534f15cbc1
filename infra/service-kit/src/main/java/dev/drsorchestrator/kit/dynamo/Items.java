package dev.drsorchestrator.kit.dynamo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short ways to build and read {@link AttributeValue}s, for the item mappers of the services' DynamoDB adapters. */
public final class Items {

    private Items() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue strings(Collection<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    public static AttributeValue stringMap(Map<String, String> values) {
        return AttributeValue.fromM(values.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue()))));
    }

    /** Strongly consistent {@code BatchGetItem} of any number of keys (100 a call), retrying unprocessed keys. */
    public static List<Map<String, AttributeValue>> batchGet(
            software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo,
            String table,
            List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i += 100) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request = Map.of(
                    table,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                            .keys(keys.subList(i, Math.min(keys.size(), i + 100)))
                            .consistentRead(true)
                            .build());
            while (!request.isEmpty()) {
                Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> r = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(r));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    public static @Nullable String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static String requiredStr(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        if (v == null) {
            throw new IllegalStateException("item " + item.keySet() + " lacks attribute '" + name + "'");
        }
        return v;
    }

    public static @Nullable Long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Long.parseLong(v.n());
    }

    public static long num(Map<String, AttributeValue> item, String name, long otherwise) {
        Long v = num(item, name);
        return v == null ? otherwise : v;
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static List<String> strList(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL()
                ? List.of()
                : v.l().stream().map(AttributeValue::s).toList();
    }

    public static Map<String, String> strMap(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasM()) {
            return Map.of();
        }
        Map<String, String> out = new java.util.TreeMap<>();
        v.m().forEach((k, value) -> out.put(k, value.s()));
        return out;
    }
}
