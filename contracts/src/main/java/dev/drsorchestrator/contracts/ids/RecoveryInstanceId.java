package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.regex.Pattern;

/** DRS recovery instance id ({@code i-…}; AWS documentation samples also show {@code ri-…}). */
public record RecoveryInstanceId(String value) implements TypedId {

    public static final Pattern PATTERN = Pattern.compile("^(i|ri)-[0-9a-f]{8,17}$");

    public RecoveryInstanceId {
        Require.matches(value, PATTERN, "recoveryInstanceId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RecoveryInstanceId of(String value) {
        return new RecoveryInstanceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
