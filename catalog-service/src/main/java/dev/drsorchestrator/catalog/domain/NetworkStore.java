package dev.drsorchestrator.catalog.domain;

import java.util.Optional;

/** The latest network inventory per account and Region. */
public interface NetworkStore {

    Optional<NetworkInventory> find(Scope scope);

    /** Stores {@code network} unless a sync at least as recent is stored; records {@code consumed} either way. */
    void apply(NetworkInventory network, ConsumedEvent consumed);
}
