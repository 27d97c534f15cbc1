package dev.drsorchestrator.execution.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Drill cleanup: scheduled for the TTL, requested of drs-adapter, and what it reported terminated. */
public final class Cleanup {
    public enum Status {
        /** Not a drill: recovery instances are production now and are never terminated by the orchestrator. */
        NOT_NEEDED,
        /** A drill still running: cleanup is scheduled when it ends. */
        PENDING,
        /** A drill ended without automatic cleanup: {@code POST /executions/{id}/cleanup} requests it. */
        MANUAL,
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
