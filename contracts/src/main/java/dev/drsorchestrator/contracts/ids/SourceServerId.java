package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.regex.Pattern;

/** DRS source server id, as DRS assigns it: {@code s-} and 17 hex digits. */
public record SourceServerId(String value) implements TypedId {

    public static final Pattern PATTERN = Pattern.compile("^s-[0-9a-f]{17}$");

    public SourceServerId {
        Require.matches(value, PATTERN, "sourceServerId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SourceServerId of(String value) {
        return new SourceServerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
