package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.UUID;
import java.util.regex.Pattern;

/** Protection group id, created by catalog-service: {@code pg-<uuid>}. */
public record ProtectionGroupId(String value) implements TypedId {

    public static final String PREFIX = "pg-";

    public static final Pattern PATTERN =
            Pattern.compile("^pg-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public ProtectionGroupId {
        Require.matches(value, PATTERN, "protectionGroupId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProtectionGroupId of(String value) {
        return new ProtectionGroupId(value);
    }

    /** A new random id, for the service that owns this kind of entity. */
    public static ProtectionGroupId random() {
        return new ProtectionGroupId(PREFIX + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
