package dev.drsorchestrator.contracts.model;

/** A participating server's launch status in a DRS job (DRS's own values). */
public enum LaunchStatus {
    PENDING,
    IN_PROGRESS,
    LAUNCHED,
    FAILED,
    TERMINATED;
}
