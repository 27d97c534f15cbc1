package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.events.catalog.CatalogEvent;
import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.plan.domain.CatalogGroup;
import dev.drsorchestrator.plan.domain.CatalogView;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.NetworkInventory;
import dev.drsorchestrator.plan.domain.NetworkScope;
import dev.drsorchestrator.plan.domain.NetworkView;
import dev.drsorchestrator.plan.domain.ServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Keeps plan-service's copy of the groups with their launch settings (by version), of server replication and the
 * launch settings servers would use (by sync time), and of each account and Region's network (by sync time).
 */
@ApplicationScoped
public class CatalogProjection {

    private final CatalogView view;
    private final NetworkView networks;

    CatalogProjection(CatalogView view, NetworkView networks) {
        this.view = view;
        this.networks = networks;
    }

    public void apply(CatalogEvent event, ConsumedEvent consumed) {
        CatalogGroup group;
        if (event instanceof ProtectionGroupCreated c) {
            group = new CatalogGroup(
                    c.protectionGroupId(),
                    c.name(),
                    c.accountId(),
                    c.region(),
                    c.members(),
                    List.of(),
                    c.version(),
                    false,
                    c.launchSettings(),
                    c.serverLaunchSettings());
        } else if (event instanceof ProtectionGroupUpdated u) {
            group = new CatalogGroup(
                    u.protectionGroupId(),
                    u.name(),
                    u.accountId(),
                    u.region(),
                    u.members(),
                    u.conflicts().stream()
                            .map(MembershipConflict::sourceServerId)
                            .toList(),
                    u.version(),
                    false,
                    u.launchSettings(),
                    u.serverLaunchSettings());
        } else {
            ProtectionGroupDeleted d = (ProtectionGroupDeleted) event;
            group = new CatalogGroup(
                    d.protectionGroupId(),
                    d.name(),
                    d.accountId(),
                    d.region(),
                    List.of(),
                    List.of(),
                    d.version(),
                    true);
        }
        view.applyGroup(group, consumed);
    }

    public void apply(SourceServerInventoryChanged sync, ConsumedEvent consumed) {
        view.applyServers(
                sync.servers().stream()
                        .map(s -> new ServerStatus(
                                s.sourceServerId(),
                                s.hostname(),
                                s.replicationState(),
                                s.lagSeconds(),
                                sync.syncedAt(),
                                s.launchSettings()))
                        .toList(),
                consumed);
    }

    public void apply(NetworkInventoryChanged sync, ConsumedEvent consumed) {
        networks.applyNetwork(
                new NetworkInventory(
                        new NetworkScope(sync.accountId(), sync.region()),
                        sync.syncedAt(),
                        sync.subnets(),
                        sync.securityGroups()),
                consumed);
    }
}
