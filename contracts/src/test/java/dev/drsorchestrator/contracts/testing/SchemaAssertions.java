package dev.drsorchestrator.contracts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.EventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks JSON against the committed schemas shipped in contracts. Producers' tests use it on what they put on the
 * bus: {@code SchemaAssertions.assertMatchesSchema(EventType.EXECUTION_REQUESTED, eventJson)}. Modules that use it
 * add {@code com.networknt:json-schema-validator} as a test dependency.
 */
public final class SchemaAssertions {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<EventType, JsonSchema> OPEN = new EnumMap<>(EventType.class);
    private static final Map<EventType, JsonSchema> CLOSED = new EnumMap<>(EventType.class);

    private SchemaAssertions() {}

    /** The violations of {@code eventJson} (a whole EventBridge event) against {@code type}'s schema, or none. */
    public static Set<String> violations(EventType type, String eventJson) {
        return validate(schema(OPEN, type, false), eventJson);
    }

    /**
     * The violations of {@code eventJson} against a closed copy of {@code type}'s schema, where no object may carry
     * a property the schema does not declare. The shipped schemas stay open (consumers tolerate newer fields); a
     * producer must still write exactly what it declares, no derived getters leaking onto the wire.
     */
    public static Set<String> violationsOfClosedSchema(EventType type, String eventJson) {
        return validate(schema(CLOSED, type, true), eventJson);
    }

    public static void assertMatchesSchema(EventType type, String eventJson) {
        Set<String> violations = violations(type, eventJson);
        if (!violations.isEmpty()) {
            throw new AssertionError(type.detailType() + " does not match its schema:\n  "
                    + String.join("\n  ", violations) + "\nin:\n" + eventJson);
        }
    }

    private static Set<String> validate(JsonSchema schema, String eventJson) {
        return schema.validate(EventCodec.readTree(eventJson)).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static synchronized JsonSchema schema(Map<EventType, JsonSchema> cache, EventType type, boolean closed) {
        return cache.computeIfAbsent(type, t -> {
            JsonNode schema = EventCodec.readTree(Samples.resource(t.schemaResource()));
            if (closed) {
                close(schema);
            }
            return FACTORY.getSchema(schema, CONFIG);
        });
    }

    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")) {
            object.put("additionalProperties", false);
        }
        schema.forEach(SchemaAssertions::close);
    }
}
