package dev.drsorchestrator.kit.dynamo;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drsorchestrator.contracts.EventCodec;

/**
 * The JSON a service stores its own state as: the contracts' mapper (ids, enums, instants, the events' records as
 * they travel), reading and writing fields rather than getters, map entries in insertion order.
 */
public final class StateJson {

    private static final ObjectMapper MAPPER = EventCodec.mapper()
            .copy()
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);

    private StateJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
