package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The wire form of attribute values and items ({@code {"S":"x"}}, {@code {"M":{…}}} …): parsing with DynamoDB's
 * validation (exactly one type, numbers within 38 digits and DynamoDB's range, no empty or duplicate sets) and
 * rendering.
 */
public final class Values {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN = new BigDecimal("1E-130");
    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    private Values() {}

    /** An item or key: a JSON object of attribute name to attribute value. */
    public static Map<String, Value> item(JsonNode node, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw DynamoErrors.serialization(what + " must be a map of attribute names to attribute values");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            out.put(e.getKey(), value(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    public static Value value(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw DynamoErrors.serialization("An AttributeValue must be a JSON object such as {\"S\": \"text\"}");
        }
        String type = null;
        int count = 0;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!node.get(name).isNull()) {
                type = name;
                count++;
            }
        }
        if (count == 0) {
            throw DynamoErrors.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (count > 1) {
            throw DynamoErrors.validation("Supplied AttributeValue has more than one datatypes set, must contain"
                    + " exactly one of the supported datatypes");
        }
        if (!TYPES.contains(type)) {
            throw DynamoErrors.serialization("Unknown AttributeValue type '" + type + "'; supported: " + TYPES);
        }
        JsonNode v = node.get(type);
        return switch (type) {
            case "S" -> new Value.S(v.asText());
            case "N" -> new Value.N(number(v.asText()));
            case "B" -> new Value.B(Value.Bytes.ofBase64(v.asText()));
            case "BOOL" -> new Value.Bool(v.asBoolean());
            case "NULL" -> {
                if (!v.asBoolean()) {
                    throw DynamoErrors.invalidParameter("Null attribute value types must have the value of true");
                }
                yield new Value.Null();
            }
            case "M" -> new Value.M(item(v, "M"));
            case "L" -> {
                List<Value> list = new ArrayList<>();
                v.forEach(e -> list.add(value(e)));
                yield new Value.L(list);
            }
            case "SS" -> {
                List<String> raw = new ArrayList<>();
                v.forEach(e -> raw.add(e.asText()));
                checkSet(raw, "string");
                yield new Value.SS(new TreeSet<>(raw));
            }
            case "NS" -> {
                List<BigDecimal> raw = new ArrayList<>();
                v.forEach(e -> raw.add(number(e.asText())));
                checkSet(raw.stream().map(n -> new Value.N(n)).toList(), "number");
                yield new Value.NS(new TreeSet<>(raw));
            }
            default -> {
                List<Value.Bytes> raw = new ArrayList<>();
                v.forEach(e -> raw.add(Value.Bytes.ofBase64(e.asText())));
                checkSet(raw, "binary");
                yield new Value.BS(new TreeSet<>(raw));
            }
        };
    }

    private static void checkSet(List<?> raw, String kind) {
        if (raw.isEmpty()) {
            throw DynamoErrors.invalidParameter("An " + kind + " set  may not be empty");
        }
        if (new HashSet<>(raw).size() != raw.size()) {
            throw DynamoErrors.invalidParameter("Input collection " + raw + " contains duplicates.");
        }
    }

    /** Parses a DynamoDB number: at most 38 significant digits, magnitude within 1E-130 … 9.99…E+125. */
    public static BigDecimal number(String text) {
        BigDecimal n;
        try {
            n = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoErrors.validation("A value provided cannot be converted into a number");
        }
        if (n.signum() == 0) {
            return BigDecimal.ZERO;
        }
        n = n.stripTrailingZeros();
        if (n.precision() > 38) {
            throw DynamoErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal abs = n.abs();
        if (abs.compareTo(MAX) > 0) {
            throw DynamoErrors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (abs.compareTo(MIN) < 0) {
            throw DynamoErrors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return n;
    }

    public static ObjectNode render(Map<String, Value> item) {
        ObjectNode out = NODES.objectNode();
        item.forEach((name, value) -> out.set(name, render(value)));
        return out;
    }

    public static ObjectNode render(Value value) {
        ObjectNode out = NODES.objectNode();
        if (value instanceof Value.S s) {
            out.put("S", s.value());
        } else if (value instanceof Value.N n) {
            out.put("N", n.text());
        } else if (value instanceof Value.B b) {
            out.put("B", b.value().base64());
        } else if (value instanceof Value.Bool b) {
            out.put("BOOL", b.value());
        } else if (value instanceof Value.Null) {
            out.put("NULL", true);
        } else if (value instanceof Value.M m) {
            out.set("M", render(m.value()));
        } else if (value instanceof Value.L l) {
            ArrayNode a = out.putArray("L");
            l.value().forEach(v -> a.add(render(v)));
        } else if (value instanceof Value.SS ss) {
            ArrayNode a = out.putArray("SS");
            ss.value().forEach(a::add);
        } else if (value instanceof Value.NS ns) {
            ArrayNode a = out.putArray("NS");
            ns.value().forEach(n -> a.add(new Value.N(n).text()));
        } else if (value instanceof Value.BS bs) {
            ArrayNode a = out.putArray("BS");
            bs.value().forEach(b -> a.add(b.base64()));
        }
        return out;
    }

    /** How deep maps and lists nest in a value: 0 for a scalar or a set, 1 for a map of scalars … */
    public static int depth(Value v) {
        int inner = 0;
        if (v instanceof Value.M m) {
            for (Value child : m.value().values()) {
                inner = Math.max(inner, depth(child));
            }
            return inner + 1;
        }
        if (v instanceof Value.L l) {
            for (Value child : l.value()) {
                inner = Math.max(inner, depth(child));
            }
            return inner + 1;
        }
        return 0;
    }

    /** The size of an item as DynamoDB counts it against the 400 KB limit: names plus values. */
    public static long size(Map<String, Value> item) {
        long size = 0;
        for (Map.Entry<String, Value> e : item.entrySet()) {
            size += Value.utf8Length(e.getKey()) + e.getValue().size();
        }
        return size;
    }

    /** A short form for messages: {@code {S: a}}. */
    public static String describe(Value v) {
        if (v instanceof Value.S s) {
            return "{S: " + s.value() + "}";
        }
        if (v instanceof Value.N n) {
            return "{N: " + n.text() + "}";
        }
        return "{" + v.type() + ": " + render(v).get(v.type()) + "}";
    }
}
