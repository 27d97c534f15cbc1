package dev.drsorchestrator.contracts.model;

/** What an approval gate holds: the whole execution before it starts, or one wave. */
public enum ApprovalScope {
    EXECUTION,
    WAVE;
}
