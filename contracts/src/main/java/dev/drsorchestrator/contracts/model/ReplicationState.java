package dev.drsorchestrator.contracts.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A source server's data replication state (DRS's dataReplicationState values). */
public enum ReplicationState {
    STOPPED,
    INITIATING,
    INITIAL_SYNC,
    BACKLOG,
    CREATING_SNAPSHOT,
    CONTINUOUS,
    PAUSED,
    RESCAN,
    STALLED,
    DISCONNECTED,
    PENDING_SNAPSHOT_SHIPPING,
    SHIPPING_SNAPSHOT,
    /** A state this version does not know yet (DRS added one); treated as not ready. */
    @JsonEnumDefaultValue
    UNKNOWN;
}
