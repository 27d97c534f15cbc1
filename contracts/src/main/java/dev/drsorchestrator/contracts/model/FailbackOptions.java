package dev.drsorchestrator.contracts.model;

/**
 * What a FAILBACK does after the servers are back at the origin.
 *
 * @param restoreDirection EC2 origin: {@code ReverseReplication} of each failed-back instance, so the origin is
 *     protected again in the original direction (tracked until CONTINUOUS)
 * @param terminateRecoveryInstances terminate the recovery-Region instances the servers failed back from, once an
 *     operator confirms it ({@code POST /executions/{id}/cleanup}) after the failback completed
 */
public record FailbackOptions(boolean restoreDirection, boolean terminateRecoveryInstances) {

    public static FailbackOptions defaults() {
        return new FailbackOptions(true, true);
    }
}
