package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.AccountId;

/** An account and region: the unit within which a source server belongs to at most one protection group. */
public record Scope(AccountId accountId, String region) implements Comparable<Scope> {

    public String key() {
        return accountId.value() + "#" + region;
    }

    public static Scope fromKey(String key) {
        int hash = key.indexOf('#');
        return new Scope(AccountId.of(key.substring(0, hash)), key.substring(hash + 1));
    }

    @Override
    public int compareTo(Scope other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return accountId.value() + "/" + region;
    }
}
