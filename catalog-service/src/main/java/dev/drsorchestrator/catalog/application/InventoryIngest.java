package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.application.ScopeCoordinator.Decision;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.catalog.domain.GroupStore;
import dev.drsorchestrator.catalog.domain.Membership;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.catalog.domain.ScopeChange;
import dev.drsorchestrator.catalog.domain.ServerFacts;
import dev.drsorchestrator.catalog.domain.ServerStore;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies one chunk of an inventory sync: upsert the servers, let membership look again at servers that are new or
 * whose tags changed (a selector may now match them, or no longer), and once every chunk of a FULL sync arrived,
 * mark the scope's servers it did not report as gone. Every step is idempotent, so a redelivered chunk is harmless;
 * the chunk's id is recorded last.
 */
@ApplicationScoped
public class InventoryIngest {

    private static final Logger LOG = Logger.getLogger(InventoryIngest.class);
    /** Servers per membership change, so that one change stays far below DynamoDB's 100-item transactions. */
    static final int MEMBERSHIP_BATCH = 40;

    private final ScopeCoordinator coordinator;
    private final GroupStore groups;
    private final ServerStore servers;
    private final Clock clock;

    InventoryIngest(ScopeCoordinator coordinator, GroupStore groups, ServerStore servers, Clock clock) {
        this.coordinator = coordinator;
        this.groups = groups;
        this.servers = servers;
        this.clock = clock;
    }

    public void apply(SourceServerInventoryChanged sync, EventMetadata metadata, ConsumedEvent consumed) {
        Scope scope = new Scope(sync.accountId(), sync.region());
        groups.registerScope(scope);
        List<ServerFacts> affected = servers.upsert(scope, sync.syncId(), sync.syncedAt(), sync.servers());
        for (int i = 0; i < affected.size(); i += MEMBERSHIP_BATCH) {
            List<SourceServerId> batch = affected.subList(i, Math.min(affected.size(), i + MEMBERSHIP_BATCH)).stream()
                    .map(ServerFacts::id)
                    .toList();
            reconsider(scope, batch, metadata);
        }
        boolean complete = servers.recordChunk(sync.syncId(), sync.chunkIndex(), sync.chunkCount());
        if (complete && sync.syncType() == InventorySyncType.FULL) {
            int gone = servers.markGone(scope, sync.syncId(), sync.syncedAt());
            if (gone > 0) {
                LOG.infof(
                        "full sync %s of %s: %d server(s) no longer reported by DRS, marked gone",
                        sync.syncId(), scope, gone);
            }
        }
        servers.markConsumed(consumed);
    }

    private void reconsider(Scope scope, List<SourceServerId> ids, EventMetadata cause) {
        coordinator.change(scope, state -> {
            Instant now = clock.instant();
            Map<SourceServerId, SourceServer> known = servers.get(ids);
            List<ServerFacts> facts = ids.stream()
                    .map(id -> known.containsKey(id) ? known.get(id).facts() : ServerFacts.unknown(id))
                    .toList();
            Membership.Result result = Membership.reconcile(state.groups(), facts, null, now);
            List<ProtectionGroup> puts = new ArrayList<>(result.changed().values());
            List<ScopeChange.Event> events = new ArrayList<>();
            for (ProtectionGroup g : puts) {
                events.add(GroupEvents.updated(
                        g,
                        ProtectionGroupChangeReason.INVENTORY_CHANGE,
                        EventMetadata.causedBy(cause, Actor.SERVICE.name(), now)));
            }
            return new Decision<>(puts, List.of(), result.assignments(), events, null);
        });
    }
}
