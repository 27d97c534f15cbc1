package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
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
    public @Nullable String comment;
    public boolean approvalRequired;
    public @Nullable Integer rtoSeconds;
    public @Nullable Integer rpoSeconds;
    public DrillOptions drillOptions;
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
