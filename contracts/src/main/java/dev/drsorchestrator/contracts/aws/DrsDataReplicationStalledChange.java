package dev.drsorchestrator.contracts.aws;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;

/** A source server's replication became stalled ({@code STALLED}) or recovered ({@code NOT_STALLED}). */
public record DrsDataReplicationStalledChange(
        String eventId, AccountId account, String region, Instant time, SourceServerId sourceServerId, boolean stalled)
        implements AwsEvent {

    @Override
    public AwsEventType type() {
        return AwsEventType.DRS_DATA_REPLICATION_STALLED_CHANGE;
    }
}
