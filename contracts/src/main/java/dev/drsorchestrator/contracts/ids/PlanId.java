package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.UUID;
import java.util.regex.Pattern;

/** Recovery plan id, created by plan-service: {@code plan-<uuid>}. */
public record PlanId(String value) implements TypedId {

    public static final String PREFIX = "plan-";

    public static final Pattern PATTERN =
            Pattern.compile("^plan-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public PlanId {
        Require.matches(value, PATTERN, "planId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlanId of(String value) {
        return new PlanId(value);
    }

    /** A new random id, for the service that owns this kind of entity. */
    public static PlanId random() {
        return new PlanId(PREFIX + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
