package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.domain.GroupDefinition;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.ScopeChange;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import java.time.Instant;
import java.util.List;

/** The events a group change publishes, each carrying the whole resolved membership and the launch settings. */
final class GroupEvents {

    private GroupEvents() {}

    static ScopeChange.Event created(ProtectionGroup g, Actor actor, Instant now) {
        GroupDefinition d = g.definition();
        return new ScopeChange.Event(
                EventMetadata.first(g.id().value(), actor.name(), actor.id(), now),
                new ProtectionGroupCreated(
                        g.id(),
                        d.name(),
                        d.description(),
                        d.accountId(),
                        d.region(),
                        d.owner(),
                        List.copyOf(d.explicitServers()),
                        d.selector().asLists(),
                        List.copyOf(g.members()),
                        g.version(),
                        g.launch().group(),
                        g.launch().serverList()));
    }

    static ScopeChange.Event updated(ProtectionGroup g, ProtectionGroupChangeReason reason, EventMetadata metadata) {
        GroupDefinition d = g.definition();
        return new ScopeChange.Event(
                metadata,
                new ProtectionGroupUpdated(
                        g.id(),
                        d.name(),
                        d.description(),
                        d.accountId(),
                        d.region(),
                        d.owner(),
                        List.copyOf(d.explicitServers()),
                        d.selector().asLists(),
                        List.copyOf(g.members()),
                        g.conflicts(),
                        reason,
                        g.version(),
                        g.launch().group(),
                        g.launch().serverList()));
    }

    static ScopeChange.Event deleted(ProtectionGroup g, long version, Actor actor, Instant now) {
        GroupDefinition d = g.definition();
        return new ScopeChange.Event(
                EventMetadata.first(g.id().value(), actor.name(), actor.id(), now),
                new ProtectionGroupDeleted(g.id(), d.name(), d.accountId(), d.region(), version));
    }

    static EventMetadata metadata(ProtectionGroup g, Actor actor, Instant now) {
        return EventMetadata.first(g.id().value(), actor.name(), actor.id(), now);
    }
}
