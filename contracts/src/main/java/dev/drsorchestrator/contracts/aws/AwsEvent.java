package dev.drsorchestrator.contracts.aws;

import dev.drsorchestrator.contracts.ids.AccountId;
import java.time.Instant;

/** An AWS service event the project consumes, read by {@link AwsEventParser}. */
public sealed interface AwsEvent
        permits DrsSourceServerLaunchResult,
                DrsDataReplicationStalledChange,
                DrsRecoveryInstanceFailbackStateChange,
                DrsJobStateChange,
                CloudWatchAlarmStateChange {

    /**
     * EventBridge's event id. AWS events carry no metadata of ours, so this is what consumers deduplicate on: a
     * redelivery of the same event keeps it.
     */
    String eventId();

    AccountId account();

    String region();

    Instant time();

    AwsEventType type();
}
