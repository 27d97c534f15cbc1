package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.AccountId;

/** An account and Region: where servers recover, and what a network inventory and a drill network are for. */
public record NetworkScope(AccountId accountId, String region) {

    /** E.g. {@code 111111111111/us-east-1}. */
    @Override
    public String toString() {
        return accountId.value() + "/" + region;
    }
}
