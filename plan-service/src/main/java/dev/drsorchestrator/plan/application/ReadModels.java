package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.plan.domain.CatalogGroup;
import dev.drsorchestrator.plan.domain.CatalogView;
import dev.drsorchestrator.plan.domain.NetworkInventory;
import dev.drsorchestrator.plan.domain.NetworkScope;
import dev.drsorchestrator.plan.domain.NetworkView;
import dev.drsorchestrator.plan.domain.PlanDefinition;
import dev.drsorchestrator.plan.domain.ServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What plan-service knows around a plan definition, from its read models: its groups, their members' replication and
 * launch settings, and the network inventories of the accounts and Regions its servers and drill networks are in.
 */
@ApplicationScoped
class ReadModels {

    /** The read models of one plan, as read now. */
    record Around(
            Map<ProtectionGroupId, CatalogGroup> groups,
            Map<SourceServerId, ServerStatus> servers,
            Map<NetworkScope, NetworkInventory> networks) {}

    private final CatalogView catalog;
    private final NetworkView network;

    ReadModels(CatalogView catalog, NetworkView network) {
        this.catalog = catalog;
        this.network = network;
    }

    /** The definition's groups only (what the wave rules need). */
    Map<ProtectionGroupId, CatalogGroup> groups(PlanDefinition definition) {
        return catalog.groups(definition.groupIds());
    }

    Around around(PlanDefinition definition) {
        Map<ProtectionGroupId, CatalogGroup> groups = catalog.groups(definition.groupIds());
        Set<SourceServerId> servers = new LinkedHashSet<>();
        Set<NetworkScope> scopes = new LinkedHashSet<>();
        groups.values().stream().filter(g -> !g.deleted()).forEach(g -> {
            servers.addAll(g.members());
            if (!g.members().isEmpty()) {
                scopes.add(g.scope());
            }
        });
        definition.drillNetworks().forEach(n -> scopes.add(new NetworkScope(n.accountId(), n.region())));
        return new Around(groups, catalog.servers(servers), scopes.isEmpty() ? Map.of() : network.networks(scopes));
    }
}
