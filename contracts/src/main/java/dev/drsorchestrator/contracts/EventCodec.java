package dev.drsorchestrator.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.drsorchestrator.contracts.aws.AwsEventParser;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventDetail;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.envelope.InvalidEventException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes project events. Readers tolerate fields they do not know (a newer producer may add some) and
 * refuse an event that lacks a required field, with an {@link InvalidEventException} that names the event, the
 * place and the reason.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {}

    /** The mapper every project event is read and written with. Do not reconfigure it; copy it instead. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** What a producer hands to EventBridge {@code PutEvents} (or stores in its outbox first). */
    public static OutgoingEvent outgoing(EventMetadata metadata, EventPayload data) {
        EventType type = EventType.of(data);
        return new OutgoingEvent(
                type.source(), type.detailType(), metadata.eventId(), writeJson(new EventDetail<>(metadata, data)));
    }

    /** Reads a whole EventBridge event (an SQS message body) whose {@code detail-type} is a project event. */
    public static EventBridgeEvent<EventPayload> read(String eventJson) {
        return read(readTree(eventJson));
    }

    private static EventBridgeEvent<EventPayload> read(JsonNode tree) {
        String detailType = tree.path("detail-type").asText(null);
        if (detailType == null) {
            throw new InvalidEventException(null, "detail-type", "detail-type is required", null);
        }
        EventType type = EventType.fromDetailType(detailType)
                .orElseThrow(() -> new InvalidEventException(
                        detailType, "detail-type", "'" + detailType + "' is not a project event type", null));
        return convert(tree, type);
    }

    /**
     * Reads an SQS message body from an inbox queue: a project event ({@code source} {@code drs-orchestrator.*}) or
     * an AWS event ({@code source} {@code aws.*}) that the routing table sends to the same queue.
     */
    public static InboundEvent readAny(String eventJson) {
        JsonNode tree = readTree(eventJson);
        if (tree.path("source").asText("").startsWith("aws.")) {
            return new InboundEvent.Aws(AwsEventParser.parse(tree));
        }
        return new InboundEvent.Project(read(tree));
    }

    /** Reads a whole EventBridge event that must be of {@code expected}'s type. */
    public static <T extends EventPayload> EventBridgeEvent<T> read(String eventJson, Class<T> expected) {
        EventBridgeEvent<EventPayload> event = read(eventJson);
        if (!expected.isInstance(event.data())) {
            throw new InvalidEventException(
                    event.detailType(),
                    "detail-type",
                    "expected " + EventType.of(expected).detailType() + " but got " + event.detailType(),
                    null);
        }
        @SuppressWarnings("unchecked")
        EventBridgeEvent<T> typed = (EventBridgeEvent<T>) (EventBridgeEvent<?>) event;
        return typed;
    }

    /** Reads the {@code detail} of an event whose type is known (for example from an outbox item). */
    public static EventDetail<EventPayload> readDetail(EventType type, String detailJson) {
        ObjectNode wrapper = MAPPER.createObjectNode();
        wrapper.put("detail-type", type.detailType());
        wrapper.put("source", type.source());
        wrapper.set("detail", readTree(detailJson));
        return convert(wrapper, type).detail();
    }

    public static String writeJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventBridgeEvent<EventPayload> convert(JsonNode tree, EventType type) {
        JavaType javaType = MAPPER.getTypeFactory().constructParametricType(EventBridgeEvent.class, type.payloadType());
        try {
            return MAPPER.readerFor(javaType).readValue(tree);
        } catch (JsonMappingException e) {
            throw new InvalidEventException(type.detailType(), path(e), reason(e), e);
        } catch (IOException e) {
            throw new InvalidEventException(type.detailType(), "", String.valueOf(e.getMessage()), e);
        }
    }

    /** Parses an event's JSON, refusing anything but a JSON object with an {@link InvalidEventException}. */
    public static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException(null, "", "the event is empty", null);
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!tree.isObject()) {
                throw new InvalidEventException(null, "", "the event is not a JSON object", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(null, "", "the event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON path a Jackson error points at, such as {@code waves[0].servers}. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof ValueInstantiationException
                && e.getCause() != null
                && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        String message = e.getOriginalMessage();
        int lineBreak = message.indexOf('\n');
        return lineBreak < 0 ? message : message.substring(0, lineBreak);
    }

    /**
     * An event ready for {@code PutEvents}: {@code source}, {@code detail-type} and the {@code detail} JSON, plus the
     * event id, which is what an outbox keys on.
     */
    public record OutgoingEvent(String source, String detailType, String eventId, String detailJson) {}
}
