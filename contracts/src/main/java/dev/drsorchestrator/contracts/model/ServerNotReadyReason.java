package dev.drsorchestrator.contracts.model;

/** Why a server cannot be launched (or reprotected, or failed back) now. */
public enum ServerNotReadyReason {
    NOT_FOUND,
    NOT_CONTINUOUS,
    LAG_ABOVE_RPO,
    IN_ANOTHER_JOB,
    DISCONNECTED,
    ACCESS_DENIED,
    /** No DRS recovery snapshot at or before the execution's recovery point, or the named one does not exist. */
    NO_SNAPSHOT,
    /** REPROTECT or FAILBACK: the server has no recovery (non-drill) instance to return from. */
    NO_RECOVERY_INSTANCE,
    /** The step does not apply to the server's origin (REPROTECT of an on-premises server). */
    WRONG_ORIGIN,
    /** FAILBACK of an EC2-origin server: not reprotected yet, or its reversed source server is not CONTINUOUS. */
    NOT_REPROTECTED;
}
