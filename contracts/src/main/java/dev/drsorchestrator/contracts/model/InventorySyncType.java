package dev.drsorchestrator.contracts.model;

/** A FULL sync lists every server of an account and region (missing ones are gone); a PARTIAL one lists only changes. */
public enum InventorySyncType {
    FULL,
    PARTIAL;
}
