package dev.drsorchestrator.contracts.model;

/** Why drill instances are being terminated. */
public enum CleanupReason {
    TTL_EXPIRED,
    MANUAL;
}
