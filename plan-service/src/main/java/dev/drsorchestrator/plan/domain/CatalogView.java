package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** plan-service's copy of what catalog-service and drs-adapter report: groups and server replication. */
public interface CatalogView {

    /** The groups by id, deleted ones included (as tombstones); unknown ones left out. */
    Map<ProtectionGroupId, CatalogGroup> groups(Collection<ProtectionGroupId> ids);

    Map<SourceServerId, ServerStatus> servers(Collection<SourceServerId> ids);

    /** Stores the group unless a newer version of it is stored; records {@code consumed} either way. */
    void applyGroup(CatalogGroup group, ConsumedEvent consumed);

    /** Stores each server unless a newer sync of it is stored; records {@code consumed}. */
    void applyServers(List<ServerStatus> servers, ConsumedEvent consumed);
}
