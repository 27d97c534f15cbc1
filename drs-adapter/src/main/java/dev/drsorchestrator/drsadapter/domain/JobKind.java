package dev.drsorchestrator.drsadapter.domain;

/** What a DRS job the adapter starts does. */
public enum JobKind {
    /** {@code StartRecovery}: a drill or a recovery launch of source servers. */
    LAUNCH,
    /** {@code StartFailbackLaunch} of recovery instances, after {@code ReverseReplication}. */
    FAILBACK,
    /** {@code TerminateRecoveryInstances} of a drill's instances. */
    TERMINATE
}
