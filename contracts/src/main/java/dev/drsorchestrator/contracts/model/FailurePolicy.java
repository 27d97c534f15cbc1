package dev.drsorchestrator.contracts.model;

/** What a failed wave does to its execution. */
public enum FailurePolicy {
    FAIL_FAST,
    CONTINUE,
    PAUSE;
}
