package dev.drsorchestrator.contracts.model;

/** Why a server cannot be launched now. */
public enum ServerNotReadyReason {
    NOT_FOUND,
    NOT_CONTINUOUS,
    LAG_ABOVE_RPO,
    IN_ANOTHER_JOB,
    DISCONNECTED,
    ACCESS_DENIED;
}
