package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where executions live. Every write is conditional: on the execution's version, on the version of the holds of
 * active executions, on a fired timer still being there; a lost race is a {@link Conflict} and the caller starts
 * again from a fresh read.
 */
public interface ExecutionStore {

    /** An execution as read, with the form it was stored in (to tell whether a decision changed anything). */
    record Stored(Execution execution, long version, byte[] form) {}

    /** The holds of active executions on plans and servers, at a version. */
    record Holds(ActiveExecutions active, long version) {}

    /**
     * What one decision commits together.
     *
     * @param hold add the execution's plan and servers to the holds
     * @param release remove the execution from the holds (it ended)
     * @param fired the timer this change fires, deleted with it (absent when another instance already fired it)
     * @param consumed the event this change comes from, marked processed with it
     */
    record Change(
            Execution state,
            List<Outgoing> events,
            List<Timer> timers,
            List<TimelineEntry> timeline,
            boolean hold,
            boolean release,
            @Nullable Timer fired,
            @Nullable ConsumedEvent consumed) {}

    /** Another writer got there first: read again and decide again. */
    final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The change's fired timer was fired by someone else (or its event was processed): nothing to do. */
    final class AlreadyDone extends RuntimeException {
        public AlreadyDone(String message) {
            super(message);
        }
    }

    Optional<Stored> find(ExecutionId id);

    Holds holds();

    /**
     * Deep copies of {@code state} as it would be stored and read back, each sharing nothing with {@code state} or with
     * the others: scratch states to try inputs on ({@link AllowedControls#of}).
     */
    Supplier<Execution> copies(Execution state);

    /** Whether {@code state} would be stored exactly as {@code read} was: nothing to write. */
    boolean unchanged(Stored read, Execution state);

    /** Stores a new execution, decided against {@code holds} (which it adds to when the change holds). */
    void create(Change change, Holds holds);

    /**
     * Stores the next state of an execution read at {@code version}; {@code holds}, read before, is required when the
     * change releases the execution's hold.
     *
     * @return the version the change was stored at (what a {@link #find} after it reads, until the next change)
     */
    long save(Change change, long version, @Nullable Holds holds);

    /** Nothing changed: only mark the event processed and/or delete the fired timer. */
    void acknowledge(@Nullable ConsumedEvent consumed, @Nullable Timer fired);

    ListPage<Execution> list(ExecutionQuery query);

    ListPage<TimelineEntry> timeline(ExecutionId id, int limit, @Nullable String cursor);

    List<Timer> dueTimers(Instant now, int limit);
}
