package dev.drsorchestrator.contracts.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventType;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.TypedId;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Derives each event's JSON Schema (draft 2020-12) from its record, so schema and code cannot disagree: a component
 * is required unless it is {@code @Nullable}; typed ids carry their pattern; enums their values; unknown properties
 * are allowed everywhere (consumers tolerate newer fields).
 */
public final class SchemaGenerator {

    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaGenerator() {}

    /** The schema of a whole EventBridge event of {@code type}, as an SQS target receives it. */
    public static ObjectNode eventSchema(EventType type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DRAFT);
        schema.put("$id", "https://drs-orchestrator.dev/schemas/" + type.detailType() + ".schema.json");
        schema.put("title", type.detailType());
        schema.put("description", type.description());
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail")
                .forEach(required::add);
        ObjectNode properties = schema.putObject("properties");
        properties.set("version", string());
        properties.set("id", string());
        properties.putObject("detail-type").put("const", type.detailType());
        properties.putObject("source").put("const", type.source());
        properties.set("account", typeOf(AccountId.class));
        properties.set("time", typeOf(Instant.class));
        properties.set("region", string());
        ObjectNode resources = properties.putObject("resources");
        resources.put("type", "array");
        resources.set("items", string());
        ObjectNode detail = properties.putObject("detail");
        detail.put("type", "object");
        detail.putArray("required").add("metadata").add("data");
        ObjectNode detailProperties = detail.putObject("properties");
        detailProperties.set("metadata", typeOf(EventMetadata.class));
        detailProperties.set("data", typeOf(type.payloadType()));
        return schema;
    }

    /** The schema of a Java type as {@link dev.drsorchestrator.contracts.EventCodec} writes it. */
    public static ObjectNode typeOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", typeOf(arguments[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", typeOf(arguments[1]));
                return map;
            }
            throw new IllegalArgumentException("no schema mapping for " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return string();
        }
        if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (cls == Instant.class) {
            return string().put("format", "date-time");
        }
        if (JsonNode.class.isAssignableFrom(cls)) {
            return JSON.objectNode().put("description", "any JSON value");
        }
        if (cls.isEnum()) {
            ObjectNode node = string();
            ArrayNode values = node.putArray("enum");
            for (Object constant : cls.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return node;
        }
        if (TypedId.class.isAssignableFrom(cls)) {
            return string().put("pattern", idPattern(cls));
        }
        if (cls.isRecord()) {
            return record(cls, null);
        }
        if (cls.isSealed() && cls.isAnnotationPresent(JsonSubTypes.class)) {
            return polymorphic(cls);
        }
        throw new IllegalArgumentException("no schema mapping for " + cls.getName());
    }

    private static ObjectNode record(Class<?> cls, @Nullable ObjectNode discriminator) {
        ObjectNode node = JSON.objectNode().put("type", "object");
        ArrayNode required = node.putArray("required");
        ObjectNode properties = node.putObject("properties");
        if (discriminator != null) {
            required.add("type");
            properties.set("type", discriminator);
        }
        for (RecordComponent component : cls.getRecordComponents()) {
            String name = propertyName(component);
            properties.set(name, typeOf(component.getGenericType()));
            if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                required.add(name);
            }
        }
        return node;
    }

    private static ObjectNode polymorphic(Class<?> sealed) {
        String property = sealed.getAnnotation(JsonTypeInfo.class).property();
        if (!"type".equals(property)) {
            throw new IllegalArgumentException(sealed.getName() + ": only a 'type' discriminator is supported");
        }
        ObjectNode node = JSON.objectNode();
        ArrayNode oneOf = node.putArray("oneOf");
        for (JsonSubTypes.Type subtype :
                sealed.getAnnotation(JsonSubTypes.class).value()) {
            oneOf.add(record(subtype.value(), JSON.objectNode().put("const", subtype.name())));
        }
        return node;
    }

    private static String propertyName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static String idPattern(Class<?> idType) {
        try {
            Field pattern = idType.getField("PATTERN");
            return ((java.util.regex.Pattern) pattern.get(null)).pattern();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(idType.getName() + " has no public PATTERN", e);
        }
    }

    private static ObjectNode string() {
        return JSON.objectNode().put("type", "string");
    }
}
