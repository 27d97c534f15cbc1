package dev.drsorchestrator.contracts.model;

/**
 * What an execution does: a drill launches isolated copies, a recovery fails over, a reprotect starts replication
 * back towards the origin, a failback returns to it.
 */
public enum ExecutionType {
    DRILL,
    RECOVERY,
    /** EC2 origin: {@code ReverseReplication} of each recovery instance, until the reversed servers are CONTINUOUS. */
    REPROTECT,
    /**
     * Back to the origin: a launch of the reversed source servers in the origin Region (EC2 origin), or
     * {@code StartFailbackLaunch} once the Failback Client is ready (on-premises origin).
     */
    FAILBACK;

    /** A run back towards the origin (REPROTECT or FAILBACK): it acts on recovery instances, not on snapshots. */
    public boolean returnsToOrigin() {
        return this == REPROTECT || this == FAILBACK;
    }
}
