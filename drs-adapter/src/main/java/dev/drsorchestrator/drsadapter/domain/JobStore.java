package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the adapter keeps its job requests, wave records, action runs and inventory state. Every change commits
 * with the events it causes (outbox) and, when it consumes an inbox event, that event's processed marker; versioned
 * writes fail with {@link Conflict} when another instance got there first.
 */
public interface JobStore {

    final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    record Page<T>(List<T> items, @Nullable String nextCursor) {}

    /** When the adapter first saw the execution (orders the launch queue), if it has. */
    Optional<Instant> executionFirstSeen(ExecutionId execution);

    /** Whether a wave attempt was already planned (a duplicate request changes nothing). */
    boolean wavePlanned(String waveKey);

    /**
     * Plans a wave attempt: its record (fails with {@link Conflict} if it exists), the execution's first-seen time
     * when new, the job requests, the events, the consumed request.
     */
    void planWave(
            String waveKey,
            @Nullable Instant executionFirstSeen,
            ExecutionId execution,
            List<JobRequest> jobs,
            List<Outgoing> events,
            Consumed consumed);

    /** Plans a REPROTECT or FAILBACK wave attempt: its record, the run, the events, the consumed request. */
    void planFailback(String waveKey, FailbackRun run, List<Outgoing> events, Consumed consumed);

    /** REPROTECT and FAILBACK runs not done. */
    List<FailbackRun> openFailbacks();

    /**
     * Saves a run read at {@code run.version} (and increments it) with the job requests a step made and the events;
     * {@link Conflict} if it changed since.
     */
    void save(FailbackRun run, List<JobRequest> newJobs, List<Outgoing> events);

    /** Job requests not DONE, oldest in the queue first. */
    List<JobRequest> openJobs();

    Optional<JobRequest> job(String id);

    /** Saves a job request read at {@code job.version} (and increments it); {@link Conflict} if it changed since. */
    void save(JobRequest job, List<Outgoing> events);

    Page<JobRequest> jobsOf(ExecutionId execution, int limit, @Nullable String cursor);

    /** Records an inbox event as processed with nothing else (a request that needs no change). */
    void acknowledge(Consumed consumed, List<Outgoing> events);

    /** Stores new job requests (a drill cleanup) with their events and the consumed request. */
    void createJobs(List<JobRequest> jobs, List<Outgoing> events, Consumed consumed);

    /** Stores an action to run; {@link Conflict} if it exists. */
    void createAction(ActionRun run, Consumed consumed);

    List<ActionRun> openActions();

    void save(ActionRun run, List<Outgoing> events);

    Optional<InventoryState> inventory(Scope scope);

    /**
     * Saves a sync's state with its events. Events that do not fit one transaction go out in earlier transactions;
     * the state is written last, so a crash in between republishes (consumers apply chunks idempotently).
     */
    void saveInventory(InventoryState state, boolean isNew, List<Outgoing> events);
}
