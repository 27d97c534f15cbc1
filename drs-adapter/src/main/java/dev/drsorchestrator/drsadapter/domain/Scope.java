package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.AccountId;

/** An account and region of DRS: quotas, jobs and source servers all live in one. */
public record Scope(AccountId accountId, String region) {

    public static Scope of(String accountId, String region) {
        return new Scope(AccountId.of(accountId), region);
    }

    /** {@code 111122223333/us-east-1}. */
    public String key() {
        return accountId.value() + "/" + region;
    }

    @Override
    public String toString() {
        return key();
    }
}
