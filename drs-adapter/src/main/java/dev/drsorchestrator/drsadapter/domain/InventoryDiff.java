package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * What an inventory sync publishes, without I/O: only the servers whose state changed since the last sync
 * ({@code PARTIAL}), or every server ({@code FULL}) on the first sync and whenever a server disappeared (catalog marks
 * servers missing from a complete FULL sync as gone). Chunks stay under both the contract's 200 servers and a byte
 * budget, so no event comes near EventBridge's 256 KB.
 */
public final class InventoryDiff {

    /** JSON bytes of servers one chunk carries at most; the envelope adds about 1 KB. */
    public static final int MAX_CHUNK_BYTES = 200_000;

    private InventoryDiff() {}

    public record Result(InventorySyncType type, List<SourceServerState> publish, Map<String, String> fingerprints) {}

    /**
     * @param fingerprint a digest of what matters about a server (not its last-seen time); {@code previous} null on
     *     the first sync
     */
    public static Result diff(
            List<SourceServerState> servers,
            Map<String, String> previous,
            boolean first,
            java.util.function.Function<SourceServerState, String> fingerprint) {
        Map<String, String> now = new LinkedHashMap<>();
        List<SourceServerState> changed = new ArrayList<>();
        for (SourceServerState s : servers) {
            String f = fingerprint.apply(s);
            now.put(s.sourceServerId().value(), f);
            if (!f.equals(previous.get(s.sourceServerId().value()))) {
                changed.add(s);
            }
        }
        Set<String> gone = new HashSet<>(previous.keySet());
        gone.removeAll(now.keySet());
        if (first || !gone.isEmpty()) {
            return new Result(InventorySyncType.FULL, servers, now);
        }
        return new Result(InventorySyncType.PARTIAL, changed, now);
    }

    /** Splits servers into chunks of at most 200 servers and {@link #MAX_CHUNK_BYTES} bytes. */
    public static List<List<SourceServerState>> chunks(
            List<SourceServerState> servers, ToIntFunction<SourceServerState> bytes) {
        List<List<SourceServerState>> out = new ArrayList<>();
        List<SourceServerState> current = new ArrayList<>();
        long size = 0;
        for (SourceServerState s : servers) {
            int b = bytes.applyAsInt(s);
            if (!current.isEmpty()
                    && (current.size() == SourceServerInventoryChanged.MAX_SERVERS_PER_CHUNK
                            || size + b > MAX_CHUNK_BYTES)) {
                out.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(s);
            size += b;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    public static List<SourceServerInventoryChanged> events(
            Scope scope, Result result, String syncId, Instant syncedAt, ToIntFunction<SourceServerState> bytes) {
        List<List<SourceServerState>> chunks = chunks(result.publish(), bytes);
        if (chunks.isEmpty() && result.type() == InventorySyncType.FULL) {
            chunks = List.of(List.of());
        }
        List<SourceServerInventoryChanged> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            out.add(new SourceServerInventoryChanged(
                    scope.accountId(),
                    scope.region(),
                    result.type(),
                    syncId,
                    i + 1,
                    chunks.size(),
                    syncedAt,
                    chunks.get(i)));
        }
        return out;
    }
}
