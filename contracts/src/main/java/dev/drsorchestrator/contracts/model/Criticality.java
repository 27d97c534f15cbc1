package dev.drsorchestrator.contracts.model;

/** How much one server matters to its wave: a failed CRITICAL server fails the wave, an OPTIONAL one is reported. */
public enum Criticality {
    CRITICAL,
    OPTIONAL;
}
