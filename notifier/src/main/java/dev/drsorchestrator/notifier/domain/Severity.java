package dev.drsorchestrator.notifier.domain;

/** How urgent a notification is; subscriptions filter on it. A failed RECOVERY is CRITICAL. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
