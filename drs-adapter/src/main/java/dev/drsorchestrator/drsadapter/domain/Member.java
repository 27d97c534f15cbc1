package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.Criticality;
import org.jspecify.annotations.Nullable;

/**
 * A server in a job request: the source server, and the recovery instance the job works on (failback and
 * termination act on recovery instances).
 */
public record Member(
        SourceServerId sourceServerId,
        @Nullable Criticality criticality,
        @Nullable RecoveryInstanceId recoveryInstanceId) {}
