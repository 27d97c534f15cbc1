package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An execution's whole state: the plan snapshot it runs and how far each wave got. {@link ExecutionMachine} is the
 * only code that changes it; the store loads a fresh copy for every input, so nothing lives only in memory.
 */
public final class Execution {
    public ExecutionId executionId;
    public PlanId planId;
    public String planName;
    public long planVersion;
    public ExecutionType executionType;
    public Trigger trigger;
    public String requestedBy;
    /** The verified subject of the requester (the request's {@code metadata.actorId}); none for alarms, schedules. */
    public @Nullable String requestedById;

    public @Nullable String comment;
    /** How many distinct people, none of them the requester, must approve before the first wave (0: none). */
    public int requiredApprovals;
    /** Why {@code requiredApprovals} is what it is (the plan's value, or an alarm binding's mode). */
    public @Nullable String approvalReason;
    /** The execution's approvals, in order; each a different person, none the requester. */
    public List<Approval> approvals = new ArrayList<>();

    public @Nullable Integer rtoSeconds;
    public @Nullable Integer rpoSeconds;
    public DrillOptions drillOptions;
    /** DRILL or RECOVERY: the point in time to launch from (absent: the latest snapshot). */
    public @Nullable RecoveryPoint recoveryPoint;
    /** FAILBACK: what follows the launch at the origin. */
    public @Nullable FailbackOptions failback;
    /** DRILL: where the drill launches, per account and Region (empty: production launch settings). */
    public List<DrillNetwork> drillNetworks = new ArrayList<>();
    /**
     * How long one minute of {@code drillTtlMinutes} lasts, in milliseconds (0: a real minute). Set from
     * {@code execution.drill-ttl-unit} when the execution is requested; shortened only by tests and demos.
     */
    public long drillTtlUnitMillis;

    public @Nullable String notificationTopicArn;

    public ExecutionStatus status = ExecutionStatus.PENDING;
    public Instant requestedAt;
    public @Nullable Instant startedAt;
    public @Nullable Instant endedAt;
    /** Why it failed, was cancelled, rejected or paused. */
    public @Nullable String reason;

    /** Who gave the approval that let it start (the last of {@code approvals}). */
    public @Nullable String approvedBy;

    public @Nullable String pausedBy;
    public @Nullable WaveId pausedForWave;
    public @Nullable WaveId failedWave;
    public @Nullable String endedBy;
    public @Nullable String conflictingExecutionId;
    public List<String> conflictingServers = new ArrayList<>();

    public List<WaveRun> waves = new ArrayList<>();
    public Cleanup cleanup = new Cleanup();

    Execution() {}

    public Optional<WaveRun> wave(String waveId) {
        return waves.stream().filter(w -> w.id().equals(waveId)).findFirst();
    }

    /** How many more approvals it waits for before its first wave (0 once it may start). */
    public int approvalsMissing() {
        return Math.max(0, requiredApprovals - approvals.size());
    }

    public int serverCount() {
        return waves.stream().mapToInt(w -> w.servers.size()).sum();
    }

    /** Seconds from start to end (or to {@code now} while it runs); absent before it starts. */
    public @Nullable Long elapsedSeconds(Instant now) {
        if (startedAt == null) {
            return null;
        }
        Instant end = endedAt != null ? endedAt : now;
        return Duration.between(startedAt, end).toSeconds();
    }

    /** When a drill that ended at {@code endedAt} is due for cleanup. */
    public Instant drillTtlDue(Instant endedAt) {
        Duration unit = drillTtlUnitMillis > 0 ? Duration.ofMillis(drillTtlUnitMillis) : Duration.ofMinutes(1);
        return endedAt.plus(unit.multipliedBy(drillOptions.drillTtlMinutes()));
    }
}
