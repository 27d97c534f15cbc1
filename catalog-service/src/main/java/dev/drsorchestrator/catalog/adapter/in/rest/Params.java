package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.kit.rest.ProblemException;

/** Query and path parameters, checked with a message that names the parameter. */
final class Params {

    private Params() {}

    static AccountId account(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!AccountId.PATTERN.matcher(value).matches()) {
            throw ProblemException.invalid(
                    "accountId", "must be 12 digits but '" + value + "' has " + value.length() + " characters");
        }
        return AccountId.of(value);
    }

    static String region(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!Regions.known(value)) {
            throw ProblemException.invalid("region", Regions.unknownReason(value));
        }
        return value;
    }

    static ProtectionGroupId groupId(String value) {
        if (value == null || !ProtectionGroupId.PATTERN.matcher(value).matches()) {
            throw ProblemException.notFound("Protection group", String.valueOf(value));
        }
        return ProtectionGroupId.of(value);
    }
}
