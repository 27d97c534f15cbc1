package dev.drsorchestrator.drsadapter.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the last inventory sync of one account and region saw: a fingerprint per server, counts, reachability. */
public final class InventoryState {
    public String accountId;
    public String region;
    /** Source server id → fingerprint of what was last published about it. */
    public Map<String, String> fingerprints = new LinkedHashMap<>();

    public int serverCount;
    public int readyCount;
    public @Nullable Instant lastSyncAt;
    public @Nullable Instant lastAttemptAt;
    public int lastChanges;
    public int lastChunks;
    public boolean reachable;
    public @Nullable String lastError;
    /** Fingerprint of the network last published ({@code NetworkInventoryChanged}); null before the first. */
    public @Nullable String networkFingerprint;

    public long version;

    public Scope scope() {
        return Scope.of(accountId, region);
    }
}
