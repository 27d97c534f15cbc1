package dev.drsorchestrator.execution.domain;

/** The steps of a running wave, in order. */
public enum WavePhase {
    PRE_ACTIONS,
    LAUNCH,
    POST_ACTIONS,
    WAIT_AFTER
}
