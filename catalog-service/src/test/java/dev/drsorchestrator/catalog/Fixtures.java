package dev.drsorchestrator.catalog;

import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test data: fresh accounts (so tests never share a scope), server ids, inventory syncs. */
public final class Fixtures {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Fixtures() {}

    /** A 12-digit account no other test uses. */
    public static String account() {
        return String.format("%012d", 100_000_000_000L + NEXT.incrementAndGet());
    }

    public static SourceServerId server() {
        return SourceServerId.of(String.format("s-%017x", NEXT.incrementAndGet() * 7919L));
    }

    public static SourceServerState state(
            SourceServerId id, String hostname, Map<String, String> tags, ReplicationState state, Long lag) {
        return new SourceServerState(id, hostname, tags, state, lag, "READY_FOR_RECOVERY", null, null, Instant.now());
    }

    /** A server replicating continuously, with where it runs when not failed over and its direction. */
    public static SourceServerState state(
            SourceServerId id,
            String hostname,
            ServerOrigin origin,
            String replicationDirection,
            String reversedDirectionSourceServerArn) {
        return new SourceServerState(
                id,
                hostname,
                Map.of(),
                ReplicationState.CONTINUOUS,
                1L,
                "READY_FOR_RECOVERY",
                null,
                null,
                Instant.now(),
                origin,
                replicationDirection,
                reversedDirectionSourceServerArn);
    }

    public static SourceServerInventoryChanged sync(
            String account, String region, InventorySyncType type, Instant at, List<SourceServerState> servers) {
        return new SourceServerInventoryChanged(
                AccountId.of(account), region, type, "sync-" + UUID.randomUUID(), 1, 1, at, servers);
    }
}
