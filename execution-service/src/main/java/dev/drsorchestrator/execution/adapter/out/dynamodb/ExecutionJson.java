package dev.drsorchestrator.execution.adapter.out.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.kit.dynamo.StateJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An execution's state as stored: its fields as JSON (wave snapshots and actions keep the contracts' form), gzipped
 * into one binary attribute. A 1,000-server execution stays far below DynamoDB's 400 KB item limit.
 */
public final class ExecutionJson {

    // The state's mutable fields are its JSON; map keys (server ids) keep their order.
    static final ObjectMapper MAPPER = StateJson.mapper();

    private ExecutionJson() {}

    public static byte[] write(Execution execution) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            MAPPER.writeValue(gzip, execution);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write execution " + execution.executionId, e);
        }
        return bytes.toByteArray();
    }

    public static Execution read(byte[] stored) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return MAPPER.readValue(gzip, Execution.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored execution is unreadable: " + e.getMessage(), e);
        }
    }

    /** Copies of {@code execution} read from its JSON (written once, not gzipped: they never leave the process). */
    public static Supplier<Execution> copies(Execution execution) {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(execution);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write execution " + execution.executionId, e);
        }
        return () -> {
            try {
                return MAPPER.readValue(json, Execution.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a copy of execution " + execution.executionId, e);
            }
        };
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T text(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is unreadable: " + e.getMessage(), e);
        }
    }
}
