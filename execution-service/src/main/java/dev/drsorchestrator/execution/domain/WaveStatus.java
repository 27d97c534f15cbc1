package dev.drsorchestrator.execution.domain;

/** Where a wave is. A wave in WAITING waits for its dependencies; CANCELLED waves never ran to the end. */
public enum WaveStatus {
    WAITING,
    AWAITING_APPROVAL,
    RUNNING,
    COMPLETED,
    FAILED,
    SKIPPED,
    CANCELLED;

    public boolean isDone() {
        return this == COMPLETED || this == FAILED || this == SKIPPED || this == CANCELLED;
    }
}
