package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.regex.Pattern;

/** AWS account id: 12 digits. */
public record AccountId(String value) implements TypedId {

    public static final Pattern PATTERN = Pattern.compile("^[0-9]{12}$");

    public AccountId {
        Require.matches(value, PATTERN, "accountId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
