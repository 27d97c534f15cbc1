package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;

/** A recovery instance that could not be terminated, and why. */
public record TerminationFailure(RecoveryInstanceId recoveryInstanceId, String error) {

    public TerminationFailure {
        Require.nonNull(recoveryInstanceId, "recoveryInstanceId");
        Require.text(error, "error");
    }
}
