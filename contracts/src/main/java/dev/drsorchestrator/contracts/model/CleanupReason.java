package dev.drsorchestrator.contracts.model;

/** Why recovery instances are being terminated. */
public enum CleanupReason {
    /** A drill's instances, its TTL after it ended. */
    TTL_EXPIRED,
    /** A drill's instances, at an operator's request. */
    MANUAL,
    /**
     * After a completed FAILBACK, an operator confirmed that the recovery-Region instances the servers failed back
     * from may go (they are not drill instances).
     */
    FAILBACK_CONFIRMED;
}
