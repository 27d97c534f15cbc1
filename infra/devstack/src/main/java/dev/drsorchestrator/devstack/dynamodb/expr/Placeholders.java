package dev.drsorchestrator.devstack.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.dynamodb.DynamoErrors;
import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.Values;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all of its
 * expressions, with AWS's rules: keys start with {@code #} or {@code :}, neither map may be empty, a placeholder used
 * but not defined is an error, and so is one defined but used by no expression ({@link #checkAllUsed()}).
 */
public final class Placeholders {
    /** AWS's quota on the length of one expression attribute name or value placeholder. */
    private static final int MAX_PLACEHOLDER_BYTES = 255;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Set<String> usedNames = new TreeSet<>();
    private final Set<String> usedValues = new TreeSet<>();

    private Placeholders() {}

    /** Reads both maps from a request (or a transaction item), validating their keys and values. */
    public static Placeholders of(JsonNode request) {
        Placeholders p = new Placeholders();
        read(request, "ExpressionAttributeNames", "#", (key, value) -> {
            String name = value.asText();
            if (name.isEmpty()) {
                throw DynamoErrors.validation(
                        "ExpressionAttributeNames contains invalid value: Empty attribute name; for key: \"" + key
                                + "\"");
            }
            p.names.put(key, name);
        });
        read(request, "ExpressionAttributeValues", ":", (key, value) -> {
            try {
                p.values.put(key, Values.value(value));
            } catch (AwsServiceException bad) {
                throw DynamoErrors.validation(
                        "ExpressionAttributeValues contains invalid value: " + bad.getMessage() + " for key " + key);
            }
        });
        return p;
    }

    /** Each entry of one of the two maps, once its key is checked: it starts with {@code prefix} and is not too long. */
    private static void read(JsonNode request, String map, String prefix, BiConsumer<String, JsonNode> entry) {
        JsonNode node = request.get(map);
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isEmpty()) {
            throw DynamoErrors.validation(map + " must not be empty");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            checkLength(e.getKey(), map);
            if (!e.getKey().startsWith(prefix) || e.getKey().length() < 2) {
                throw DynamoErrors.validation(map + " contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
            }
            entry.accept(e.getKey(), e.getValue());
        }
    }

    private static void checkLength(String placeholder, String map) {
        int bytes = placeholder.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_PLACEHOLDER_BYTES) {
            throw DynamoErrors.validation(map + " contains invalid key: the placeholder is " + bytes
                    + " bytes long, at most " + MAX_PLACEHOLDER_BYTES + " are allowed; key: \""
                    + placeholder.substring(0, 20) + "…\"");
        }
    }

    String name(String placeholder, String expressionKind) {
        String name = names.get(placeholder);
        if (name == null) {
            throw DynamoErrors.invalidExpression(
                    expressionKind,
                    "An expression attribute name used in the document path is not defined; attribute name: "
                            + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    Value value(String placeholder, String expressionKind) {
        Value value = values.get(placeholder);
        if (value == null) {
            throw DynamoErrors.invalidExpression(
                    expressionKind,
                    "An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /**
     * After every expression of the request is parsed: with expressions, a placeholder none of them used is an error;
     * without any, so is giving either map at all.
     */
    public void checkUsed(boolean anyExpression) {
        if (anyExpression) {
            checkAllUsed();
        } else {
            checkNoExpressions();
        }
    }

    private void checkAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    /** AWS refuses the maps when the request has no expression to use them in. */
    private void checkNoExpressions() {
        if (!names.isEmpty()) {
            throw DynamoErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!values.isEmpty()) {
            throw DynamoErrors.validation("ExpressionAttributeValues can only be specified when using expressions");
        }
    }
}
