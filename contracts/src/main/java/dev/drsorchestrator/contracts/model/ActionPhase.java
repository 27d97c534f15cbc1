package dev.drsorchestrator.contracts.model;

/** Whether a wave action runs before the launch or after it. */
public enum ActionPhase {
    PRE,
    POST;
}
