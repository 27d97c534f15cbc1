package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.regex.Pattern;

/** Wave id, unique within a recovery plan (for example {@code wave-1} or {@code db-tier}). */
public record WaveId(String value) implements TypedId {

    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    public WaveId {
        Require.matches(value, PATTERN, "waveId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WaveId of(String value) {
        return new WaveId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
