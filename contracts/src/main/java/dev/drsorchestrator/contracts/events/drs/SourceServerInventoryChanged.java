package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import java.time.Instant;
import java.util.List;

/**
 * The source servers of one account and region, from an inventory sync. A sync of a large fleet is split into
 * {@code chunkCount} events (EventBridge's 256 KB limit) that share {@code syncId}. After a FULL sync, a server that
 * is in none of its chunks is gone from DRS.
 */
public record SourceServerInventoryChanged(
        AccountId accountId,
        String region,
        InventorySyncType syncType,
        String syncId,
        int chunkIndex,
        int chunkCount,
        Instant syncedAt,
        List<SourceServerState> servers)
        implements DrsAdapterEvent {

    /** Servers one event carries at most, so that a chunk stays well under EventBridge's 256 KB. */
    public static final int MAX_SERVERS_PER_CHUNK = 200;

    public SourceServerInventoryChanged {
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        Require.nonNull(syncType, "syncType");
        Require.text(syncId, "syncId");
        Require.positive(chunkCount, "chunkCount");
        Require.positive(chunkIndex, "chunkIndex");
        if (chunkIndex > chunkCount) {
            throw new IllegalArgumentException("chunkIndex " + chunkIndex + " is beyond chunkCount " + chunkCount);
        }
        Require.nonNull(syncedAt, "syncedAt");
        servers = Require.list(servers, "servers");
        if (servers.size() > MAX_SERVERS_PER_CHUNK) {
            throw new IllegalArgumentException(
                    "servers has " + servers.size() + " entries; a chunk carries at most " + MAX_SERVERS_PER_CHUNK);
        }
    }
}
