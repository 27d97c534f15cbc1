package dev.drsorchestrator.notifier.domain;

/** Where a notification is: waiting to go (or being retried), published, or given up on and kept to retry by hand. */
public enum Delivery {
    PENDING,
    SENT,
    FAILED
}
