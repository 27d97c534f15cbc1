package dev.drsorchestrator.contracts.model;

/** How a wave action ended. */
public enum ActionOutcome {
    SUCCEEDED,
    FAILED,
    TIMED_OUT;
}
