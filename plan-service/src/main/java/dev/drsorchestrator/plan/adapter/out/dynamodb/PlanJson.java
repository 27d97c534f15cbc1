package dev.drsorchestrator.plan.adapter.out.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drsorchestrator.contracts.EventCodec;

/**
 * Nested values (a plan's waves and actions, alarm bindings, a schedule) are stored as one JSON attribute, written
 * and read with the contracts' mapper so that wave actions keep their {@code type}.
 */
final class PlanJson {

    // Map keys such as a server id are not Comparable, so entries keep their own order instead of being sorted.
    private static final ObjectMapper MAPPER =
            EventCodec.mapper().copy().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlanJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + e.getMessage(), e);
        }
    }

    static <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is unreadable: " + e.getMessage(), e);
        }
    }
}
