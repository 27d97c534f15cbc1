package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A DRS source server ARN ({@code arn:aws:drs:<region>:<account>:source-server/<id>}): where the server lives. */
public record SourceServerArn(Scope scope, SourceServerId sourceServerId) {

    private static final Pattern ARN =
            Pattern.compile("^arn:aws[a-z-]*:drs:([a-z0-9-]+):([0-9]{12}):source-server/(s-[0-9a-f]{17})$");

    public static Optional<SourceServerArn> parse(@Nullable String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new SourceServerArn(new Scope(AccountId.of(m.group(2)), m.group(1)), SourceServerId.of(m.group(3))));
    }

    @Override
    public String toString() {
        return sourceServerId + " in " + scope;
    }
}
