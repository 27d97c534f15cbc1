package dev.drsorchestrator.contracts.events.catalog;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;

/** A server that a group's tag selector matches but that another group already holds, so it stays there. */
public record MembershipConflict(SourceServerId sourceServerId, ProtectionGroupId heldBy, String heldByName) {

    public MembershipConflict {
        Require.nonNull(sourceServerId, "sourceServerId");
        Require.nonNull(heldBy, "heldBy");
        Require.text(heldByName, "heldByName");
    }
}
