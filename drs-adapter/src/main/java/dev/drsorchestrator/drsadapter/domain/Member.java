package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.Criticality;
import org.jspecify.annotations.Nullable;

/**
 * A server in a job request: the source server, and the recovery instance the job works on (failback and
 * termination act on recovery instances).
 *
 * @param recoverySnapshotId the DRS recovery snapshot to launch from (null: the latest)
 * @param reportAs the plan's source server this one stands for, when they differ: a failback launches the reversed
 *     source server in the origin Region, but the execution knows the server by its recovery-Region id
 */
public record Member(
        SourceServerId sourceServerId,
        @Nullable Criticality criticality,
        @Nullable RecoveryInstanceId recoveryInstanceId,
        @Nullable String recoverySnapshotId,
        @Nullable SourceServerId reportAs) {

    public Member(
            SourceServerId sourceServerId,
            @Nullable Criticality criticality,
            @Nullable RecoveryInstanceId recoveryInstanceId) {
        this(sourceServerId, criticality, recoveryInstanceId, null, null);
    }

    /** The id the execution knows this server by. */
    public SourceServerId planServerId() {
        return reportAs == null ? sourceServerId : reportAs;
    }
}
