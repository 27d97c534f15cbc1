package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One atomic change of a scope, valid only if the scope is still at {@code expectedVersion}: groups written and
 * deleted (and the scope's group ids after it), the server assignments that follow, and the events it causes.
 */
public record ScopeChange(
        Scope scope,
        long expectedVersion,
        List<ProtectionGroupId> groupIds,
        List<ProtectionGroup> puts,
        List<ProtectionGroupId> deletes,
        Map<SourceServerId, Optional<ProtectionGroupId>> assignments,
        List<Event> events) {

    public boolean isEmpty() {
        return puts.isEmpty() && deletes.isEmpty() && assignments.isEmpty() && events.isEmpty();
    }

    public record Event(EventMetadata metadata, EventPayload payload) {}
}
