package dev.drsorchestrator.execution.domain;

/** Where an execution is. PENDING lasts only until its first waves start, within the same change. */
public enum ExecutionStatus {
    PENDING,
    AWAITING_APPROVAL,
    RUNNING,
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED,
    REJECTED;

    /** Holds its plan and servers: another execution of them is refused. */
    public boolean isActive() {
        return this == PENDING || this == AWAITING_APPROVAL || this == RUNNING || this == PAUSED;
    }

    public boolean isTerminal() {
        return !isActive();
    }
}
