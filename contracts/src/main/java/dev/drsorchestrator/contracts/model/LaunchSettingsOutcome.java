package dev.drsorchestrator.contracts.model;

/** What drs-adapter did with a server's desired launch settings. */
public enum LaunchSettingsOutcome {
    /** DRS or the launch template changed to match. */
    APPLIED,
    /** They already matched; nothing was called. */
    UNCHANGED,
    /** DRS or EC2 refused, or the server could not be reached; {@code message} says why. */
    FAILED
}
