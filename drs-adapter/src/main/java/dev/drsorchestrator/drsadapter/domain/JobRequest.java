package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.TerminationFailure;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One DRS job the adapter starts (a batch of a wave launch, a failback launch, a cleanup), from the moment it is
 * planned until its result is published. Stored as one item, written with optimistic concurrency ({@code version}).
 */
public final class JobRequest {
    /** Tag keys every job carries, so that a job can be found again after a crash ({@code DescribeJobs}). */
    public static final String TAG_EXECUTION = "drs-orchestrator:execution";

    public static final String TAG_WAVE = "drs-orchestrator:wave";
    public static final String TAG_BATCH = "drs-orchestrator:batch";
    public static final String TAG_REQUEST = "drs-orchestrator:request";
    /** The W3C trace context of the work that asked for the job: a DRS job can be found from its trace and back. */
    public static final String TAG_TRACE = "drs-orchestrator:traceparent";

    public String id;
    public JobKind kind;
    public ExecutionId executionId;
    public @Nullable String planId;
    /** The wave, or null for a drill cleanup. */
    public @Nullable WaveId waveId;

    public int attempt;
    public int batch;
    public int batchCount;
    public String accountId;
    public String region;
    public boolean drill;
    /** A drill's network in this job's account and Region: its servers launch there (null: production settings). */
    public @Nullable DrillNetwork drillNetwork;

    public List<Member> members = new ArrayList<>();
    /** Orders the launch queue: the execution first seen earliest goes first. */
    public String queueKey;

    public JobPhase phase = JobPhase.QUEUED;
    public @Nullable DrsJobId jobId;
    public @Nullable JobStatus jobStatus;
    /** What was last published per server, so each change goes out once. */
    public Map<SourceServerId, ServerLaunchState> reported = new LinkedHashMap<>();
    /** Instances a cleanup refused or that DRS could not terminate. */
    public List<TerminationFailure> refused = new ArrayList<>();

    public Instant createdAt;
    public @Nullable Instant intentAt;
    public @Nullable Instant leaseUntil;
    public @Nullable String leaseOwner;
    public @Nullable Instant launchedAt;
    public @Nullable Instant endedAt;
    public @Nullable Instant nextPollAt;
    public long pollDelayMillis;
    public int launchAttempts;
    public @Nullable String lastError;
    public @Nullable String causationId;
    public @Nullable String traceparent;
    public String actor = "drs-adapter";

    public long version;

    /** A job request as a plan makes it: QUEUED, caused by the command {@code cause}. */
    public static JobRequest planned(
            String id,
            JobKind kind,
            ExecutionId executionId,
            String planId,
            Scope scope,
            int attempt,
            int batch,
            boolean drill,
            List<Member> members,
            String queueKey,
            Instant now,
            EventMetadata cause) {
        JobRequest j = new JobRequest();
        j.id = id;
        j.kind = kind;
        j.executionId = executionId;
        j.planId = planId;
        j.attempt = attempt;
        j.batch = batch;
        j.accountId = scope.accountId().value();
        j.region = scope.region();
        j.drill = drill;
        j.members = new ArrayList<>(members);
        j.queueKey = queueKey;
        j.createdAt = now;
        j.causationId = cause.eventId();
        j.traceparent = cause.traceparent();
        return j;
    }

    public Scope scope() {
        return Scope.of(accountId, region);
    }

    public List<SourceServerId> serverIds() {
        return members.stream().map(Member::sourceServerId).toList();
    }

    /** The recovery snapshots named for members (those that take the latest are not in it). */
    public Map<SourceServerId, String> snapshots() {
        Map<SourceServerId, String> out = new LinkedHashMap<>();
        for (Member m : members) {
            if (m.recoverySnapshotId() != null) {
                out.put(m.sourceServerId(), m.recoverySnapshotId());
            }
        }
        return out;
    }

    /** A DRS participant's id as the execution knows the server (see {@link Member#reportAs()}). */
    public SourceServerId planServerId(SourceServerId participant) {
        for (Member m : members) {
            if (m.sourceServerId().equals(participant)) {
                return m.planServerId();
            }
        }
        return participant;
    }

    /** The tags that identify this job in DRS. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_EXECUTION, executionId.value());
        tags.put(TAG_WAVE, waveId == null ? "cleanup" : waveId.value());
        tags.put(TAG_BATCH, attempt + "/" + batch);
        tags.put(TAG_REQUEST, id);
        if (traceparent != null) {
            tags.put(TAG_TRACE, traceparent);
        }
        return tags;
    }

    /** True when a DRS job's tags say it is this request's job. */
    public boolean isTaggedBy(Map<String, String> jobTags) {
        return id.equals(jobTags.get(TAG_REQUEST));
    }

    public boolean leaseExpired(Instant now) {
        return leaseUntil == null || !leaseUntil.isAfter(now);
    }

    /** Servers that keep capacity in DRS while this request may have a job there. */
    public boolean holdsCapacity() {
        return phase == JobPhase.INTENT || phase == JobPhase.ACTIVE;
    }
}
