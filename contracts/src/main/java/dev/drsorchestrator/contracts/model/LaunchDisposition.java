package dev.drsorchestrator.contracts.model;

/** DRS's {@code launchDisposition}: whether a recovery instance is left running or stopped after launch. */
public enum LaunchDisposition {
    STOPPED,
    STARTED
}
