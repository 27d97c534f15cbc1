package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A REPROTECT or FAILBACK wave attempt: its servers' steps, advanced pass by pass under a lease (so that another
 * instance takes over after a crash) until every server is COMPLETED or FAILED. The DRS launches it needs are job
 * requests of the launch queue, made in the same write as the step that decides them.
 */
public final class FailbackRun {
    public String id;
    public ExecutionId executionId;
    public PlanId planId;
    public WaveId waveId;
    public int attempt;
    public ExecutionType type;
    public FailbackOptions options;
    public List<FailbackServer> servers = new ArrayList<>();
    /** What was last published, so each change goes out once. */
    public List<ServerFailbackState> published = new ArrayList<>();
    /** Failback launch jobs made so far (numbers their job requests). */
    public int jobs;

    public Instant createdAt;
    public Instant nextStepAt;
    public long pollDelayMillis;
    public @Nullable Instant leaseUntil;
    public @Nullable String leaseOwner;
    public boolean done;
    public @Nullable String causationId;
    public @Nullable String traceparent;
    public long version;

    public static String idOf(ExecutionId execution, WaveId wave, int attempt) {
        return "FAILBACK#" + execution.value() + "#" + wave.value() + "#" + attempt;
    }

    public List<ServerFailbackState> views() {
        return servers.stream().map(FailbackServer::view).toList();
    }

    public boolean allFinal() {
        return servers.stream().allMatch(FailbackServer::isFinal);
    }
}
