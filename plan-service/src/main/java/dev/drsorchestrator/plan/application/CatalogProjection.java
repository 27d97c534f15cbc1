package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.events.catalog.CatalogEvent;
import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.plan.domain.CatalogGroup;
import dev.drsorchestrator.plan.domain.CatalogView;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.ServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Keeps plan-service's copy of the groups (by version) and of server replication (by sync time). */
@ApplicationScoped
public class CatalogProjection {

    private final CatalogView view;

    CatalogProjection(CatalogView view) {
        this.view = view;
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
                    false);
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
                    false);
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
                                sync.syncedAt()))
                        .toList(),
                consumed);
    }
}
