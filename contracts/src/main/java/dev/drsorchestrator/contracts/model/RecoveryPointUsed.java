package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;

/** The DRS recovery snapshot a server launches from, as drs-adapter resolved the execution's recovery point. */
public record RecoveryPointUsed(SourceServerId sourceServerId, String snapshotId, Instant snapshotTime) {
    public RecoveryPointUsed {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.matches(snapshotId, RecoveryPoint.SNAPSHOT_ID, "snapshotId");
        Require.nonNull(snapshotTime, "snapshotTime");
    }
}
