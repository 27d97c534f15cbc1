package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The source-server inventory read model. */
public interface ServerStore {

    /** Servers by id, strongly consistent; unknown ids are left out. */
    Map<SourceServerId, SourceServer> get(Collection<SourceServerId> ids);

    /** The ids of the scope's servers that {@code selector} matches (gone ones too). */
    List<SourceServerId> matching(Scope scope, TagSelector selector);

    /**
     * Upserts what one inventory sync reported, unless a newer sync already wrote a server. Returns the servers
     * whose tags changed or that are new, with their facts as before, for membership to look at again.
     */
    List<ServerFacts> upsert(Scope scope, String syncId, Instant syncedAt, List<SourceServerState> servers);

    /** Marks the scope's servers that sync {@code syncId} did not report as gone; returns how many. */
    int markGone(Scope scope, String syncId, Instant syncedAt);

    /** Records a chunk of a sync; true once every chunk of it has arrived. */
    boolean recordChunk(String syncId, int chunkIndex, int chunkCount);

    /**
     * Writes who holds each server (empty: nobody) as of scope version {@code version}, creating a placeholder for a
     * server DRS has not reported. A write older than what a server shows is skipped.
     */
    void assign(Scope scope, long version, Map<SourceServerId, Optional<ProtectionGroupId>> assignments);

    /** Records that an inventory event was applied, so that a second delivery is dropped. */
    void markConsumed(ConsumedEvent consumed);

    ListPage<SourceServer> list(
            ServerQuery query, List<Scope> scopes, int limit, @Nullable Map<String, String> position);
}
