package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;

/** A DRS recovery snapshot (point in time) of a source server, as {@code DescribeRecoverySnapshots} shows it. */
public record RecoverySnapshotView(SourceServerId sourceServerId, String snapshotId, Instant time) {}
