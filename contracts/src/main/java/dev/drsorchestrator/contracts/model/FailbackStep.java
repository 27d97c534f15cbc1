package dev.drsorchestrator.contracts.model;

/** Where one server of a REPROTECT or FAILBACK wave is, in the order the steps run. */
public enum FailbackStep {
    /** EC2 origin: {@code ReverseReplication} of the recovery instance is being called. */
    REVERSE_REPLICATION,
    /** EC2 origin: the reversed source server in the origin Region replicates until CONTINUOUS. */
    REVERSED_SYNC,
    /** On-premises origin: waiting for the Failback Client to be booted and ready (FAILBACK_READY_FOR_LAUNCH). */
    FAILBACK_CLIENT,
    /** The launch at the origin: {@code StartRecovery} of the reversed server, or {@code StartFailbackLaunch}. */
    FAILBACK_LAUNCH,
    /** EC2 origin, after failback: {@code ReverseReplication} of the failed-back instance, until CONTINUOUS. */
    RESTORE_DIRECTION,
    /** Nothing more to do for the server in this execution. */
    DONE
}
