package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * DRS, in each configured account and region. Every method throws {@link DrsCallFailed}; throttling is retried with
 * backoff and jitter before it is.
 */
public interface RecoveryApi {

    /** The named source servers that exist (missing ones are left out), in as many calls as the filter limit needs. */
    List<SourceServerState> sourceServers(Scope scope, Collection<SourceServerId> ids);

    /** Every source server, page by page (DRS pages at most 1,000; there is no 200 cap). */
    void eachSourceServerPage(Scope scope, Consumer<List<SourceServerState>> page);

    /** {@code StartRecovery}; {@code snapshots} names the recovery snapshot of servers that must not take the latest. */
    JobView startRecovery(
            Scope scope,
            List<SourceServerId> servers,
            boolean drill,
            Map<SourceServerId, String> snapshots,
            Map<String, String> tags);

    /**
     * {@code ReverseReplication} of a recovery instance of an EC2-origin server: DRS starts replicating it back to
     * the origin; answers the ARN of the source server on the reversed direction.
     */
    String reverseReplication(Scope scope, RecoveryInstanceId instance);

    /** {@code StopFailback}: the instance's failback state returns to FAILBACK_NOT_STARTED. */
    void stopFailback(Scope scope, RecoveryInstanceId instance);

    /** The server's recovery snapshots taken at or before {@code notAfter} (any time if null), newest first. */
    List<RecoverySnapshotView> recoverySnapshots(
            Scope scope, SourceServerId server, @org.jspecify.annotations.Nullable Instant notAfter, int max);

    JobView startFailbackLaunch(Scope scope, List<RecoveryInstanceId> instances, Map<String, String> tags);

    JobView terminateRecoveryInstances(Scope scope, List<RecoveryInstanceId> instances);

    List<JobView> jobs(Scope scope, Collection<DrsJobId> ids);

    /** Jobs created at or after {@code from}: where a job started before a crash is found again. */
    List<JobView> jobsSince(Scope scope, Instant from);

    /** Why servers failed in a job, from its log ({@code LAUNCH_FAILED} items). */
    Map<SourceServerId, String> launchFailures(Scope scope, DrsJobId job);

    /** Recovery instances of the given source servers (all of the scope's when empty). */
    List<RecoveryInstanceView> recoveryInstances(Scope scope, Collection<SourceServerId> servers);
}
