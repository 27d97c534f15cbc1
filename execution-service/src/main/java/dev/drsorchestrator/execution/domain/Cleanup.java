package dev.drsorchestrator.execution.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Drill cleanup (scheduled for the TTL) or a confirmed failback's termination of the recovery-Region instances:
 * requested of drs-adapter, and what it reported terminated.
 */
public final class Cleanup {
    public enum Status {
        /** Not a drill: recovery instances are production now and are never terminated by the orchestrator. */
        NOT_NEEDED,
        /** A drill still running: cleanup is scheduled when it ends. */
        PENDING,
        /** A drill ended without automatic cleanup: {@code POST /executions/{id}/cleanup} requests it. */
        MANUAL,
        /**
         * A FAILBACK completed and the plan terminates the recovery-Region instances it failed back from, once an
         * operator confirms it with {@code POST /executions/{id}/cleanup}.
         */
        AWAITING_CONFIRMATION,
        SCHEDULED,
        REQUESTED,
        REPORTED
    }

    public Status status = Status.NOT_NEEDED;
    public @Nullable Instant dueAt;
    public @Nullable Instant requestedAt;
    public @Nullable String requestedBy;
    public @Nullable String reason;
    public int requests;
    public List<String> terminated = new ArrayList<>();
    public List<String> failures = new ArrayList<>();

    Cleanup() {}
}
