package dev.drsorchestrator.drsadapter.domain;

/** What a DRS job the adapter starts does. */
public enum JobKind {
    /** {@code StartRecovery}: a drill or a recovery launch of source servers. */
    LAUNCH,
    /**
     * {@code StartFailbackLaunch} of recovery instances of on-premises servers whose Failback Client is ready. (An
     * EC2-origin server fails back by a LAUNCH of its reversed source server in the origin Region.)
     */
    FAILBACK,
    /** {@code TerminateRecoveryInstances} of a drill's instances, or of a confirmed failback's. */
    TERMINATE
}
