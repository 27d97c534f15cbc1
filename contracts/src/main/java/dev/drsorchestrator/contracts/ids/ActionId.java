package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.regex.Pattern;

/** Wave action id, unique within a wave (for example {@code pre-1}). */
public record ActionId(String value) implements TypedId {

    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    public ActionId {
        Require.matches(value, PATTERN, "actionId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActionId of(String value) {
        return new ActionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
