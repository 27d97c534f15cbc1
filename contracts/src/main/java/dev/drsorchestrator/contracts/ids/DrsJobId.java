package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.regex.Pattern;

/** DRS job id: {@code drsjob-} and 17 characters, as DRS assigns it. */
public record DrsJobId(String value) implements TypedId {

    public static final Pattern PATTERN = Pattern.compile("^drsjob-[0-9a-zA-Z]{17}$");

    public DrsJobId {
        Require.matches(value, PATTERN, "jobId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DrsJobId of(String value) {
        return new DrsJobId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
