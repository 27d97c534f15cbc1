package dev.drsorchestrator.contracts.model;

/** What an execution does: a drill launches isolated copies, recovery fails over, failback returns. */
public enum ExecutionType {
    DRILL,
    RECOVERY,
    FAILBACK;
}
