package dev.drsorchestrator.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which point in time a DRILL or RECOVERY launches each server from: the latest snapshot (both fields empty, the
 * default), the latest snapshot taken at or before {@code latestBefore} (after ransomware: the last clean point),
 * or an explicit DRS recovery snapshot per server ({@code snapshots}; servers not listed take the latest).
 */
public record RecoveryPoint(@Nullable Instant latestBefore, List<ServerSnapshotChoice> snapshots) {

    /** DRS recovery snapshot ids: {@code pit-} and 17 letters or digits. */
    public static final Pattern SNAPSHOT_ID = Pattern.compile("^pit-[0-9a-zA-Z]{17}$");

    public static final RecoveryPoint LATEST = new RecoveryPoint(null, List.of());

    public RecoveryPoint {
        snapshots = Require.list(snapshots, "snapshots");
        if (latestBefore != null && !snapshots.isEmpty()) {
            throw new IllegalArgumentException("recoveryPoint: give latestBefore or snapshots, not both");
        }
        Set<SourceServerId> seen = new HashSet<>();
        for (ServerSnapshotChoice c : snapshots) {
            if (!seen.add(c.sourceServerId())) {
                throw new IllegalArgumentException(
                        "recoveryPoint.snapshots: source server " + c.sourceServerId() + " is listed twice");
            }
        }
    }

    @JsonIgnore
    public boolean isLatest() {
        return latestBefore == null && snapshots.isEmpty();
    }

    /** The snapshot chosen for {@code server}, if one was named. */
    public @Nullable String snapshotOf(SourceServerId server) {
        for (ServerSnapshotChoice c : snapshots) {
            if (c.sourceServerId().equals(server)) {
                return c.snapshotId();
            }
        }
        return null;
    }

    /** A DRS recovery snapshot named for one server. */
    public record ServerSnapshotChoice(SourceServerId sourceServerId, String snapshotId) {
        public ServerSnapshotChoice {
            Require.nonNull(sourceServerId, "sourceServerId");
            Require.matches(snapshotId, SNAPSHOT_ID, "snapshotId");
        }
    }
}
