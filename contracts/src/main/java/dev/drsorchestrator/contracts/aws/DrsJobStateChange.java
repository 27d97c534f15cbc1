package dev.drsorchestrator.contracts.aws;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DRS job changed status (the seed documents' event; AWS does not publish it today). {@code drill} and
 * {@code servers} are present only when the event carries them; the adapter completes the picture with
 * {@code DescribeJobs}.
 */
public record DrsJobStateChange(
        String eventId,
        AccountId account,
        String region,
        Instant time,
        DrsJobId jobId,
        JobStatus status,
        @Nullable Boolean drill,
        List<ServerLaunchState> servers)
        implements AwsEvent {

    public DrsJobStateChange {
        servers = List.copyOf(servers);
    }

    @Override
    public AwsEventType type() {
        return AwsEventType.DRS_JOB_STATE_CHANGE;
    }
}
