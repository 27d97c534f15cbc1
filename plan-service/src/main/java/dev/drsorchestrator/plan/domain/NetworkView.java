package dev.drsorchestrator.plan.domain;

import java.util.Collection;
import java.util.Map;

/** plan-service's copy of drs-adapter's network inventories: the latest sync of each account and Region. */
public interface NetworkView {

    /** The inventories of these scopes; a scope never synced is left out. */
    Map<NetworkScope, NetworkInventory> networks(Collection<NetworkScope> scopes);

    /** Stores the inventory unless a later sync of its scope is stored; records {@code consumed} either way. */
    void applyNetwork(NetworkInventory inventory, ConsumedEvent consumed);
}
