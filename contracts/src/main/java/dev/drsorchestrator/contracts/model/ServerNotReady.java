package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.SourceServerId;

/** A server that cannot be launched now, the reason, and what an operator can read about it. */
public record ServerNotReady(
        SourceServerId sourceServerId, Criticality criticality, ServerNotReadyReason reason, String detail) {

    public ServerNotReady {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(criticality, "criticality");
        Require.nonNull(reason, "reason");
        Require.text(detail, "detail");
    }
}
