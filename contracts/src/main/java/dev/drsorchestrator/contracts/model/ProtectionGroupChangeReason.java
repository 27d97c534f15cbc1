package dev.drsorchestrator.contracts.model;

/** Why a protection group changed. */
public enum ProtectionGroupChangeReason {
    /** A user changed the group itself. */
    USER_UPDATE,
    /** An inventory sync changed what the group's selector matches. */
    INVENTORY_CHANGE,
    /**
     * Another group of the account and region changed (was created, updated or deleted): a server it released now
     * belongs to this group, or a server this group's selector matches is now held by it (a conflict).
     */
    OTHER_GROUP_CHANGE;
}
