package dev.drsorchestrator.contracts.model;

/** What started an execution. */
public enum TriggerType {
    USER,
    SCHEDULE,
    ALARM;
}
