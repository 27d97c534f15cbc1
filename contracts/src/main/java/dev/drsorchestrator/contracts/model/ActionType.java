package dev.drsorchestrator.contracts.model;

/** Kinds of wave action. */
public enum ActionType {
    SSM_DOCUMENT,
    LAMBDA,
    HTTP_CHECK,
    MANUAL_APPROVAL;
}
