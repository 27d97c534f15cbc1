package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A DRS job as {@code DescribeJobs} (or the call that started it) shows it. */
public record JobView(
        DrsJobId jobId,
        JobStatus status,
        @Nullable Instant createdAt,
        @Nullable Instant endedAt,
        Map<String, String> tags,
        List<Participant> servers) {

    public record Participant(
            SourceServerId sourceServerId,
            LaunchStatus launchStatus,
            @Nullable RecoveryInstanceId recoveryInstanceId) {}
}
