package dev.drsorchestrator.contracts.model;

/** How a server's current {@link FailbackStep} stands. COMPLETED and FAILED are final for the wave attempt. */
public enum FailbackStatus {
    /** Waiting for something outside the orchestrator (a Failback Client, DRS capacity, replication). */
    WAITING,
    IN_PROGRESS,
    COMPLETED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
