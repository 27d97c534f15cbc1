package dev.drsorchestrator.contracts.model;

/** Why a protection group changed. */
public enum ProtectionGroupChangeReason {
    USER_UPDATE,
    INVENTORY_CHANGE;
}
