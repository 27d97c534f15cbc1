package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.UUID;
import java.util.regex.Pattern;

/** Execution id, created by plan-service when an execution is requested: {@code exec-<uuid>}. */
public record ExecutionId(String value) implements TypedId {

    public static final String PREFIX = "exec-";

    public static final Pattern PATTERN =
            Pattern.compile("^exec-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public ExecutionId {
        Require.matches(value, PATTERN, "executionId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExecutionId of(String value) {
        return new ExecutionId(value);
    }

    /** A new random id, for the service that owns this kind of entity. */
    public static ExecutionId random() {
        return new ExecutionId(PREFIX + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
