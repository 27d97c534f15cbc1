package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A protection group: its definition, the servers it holds ({@code members}: explicit ones plus selector matches
 * that no other group held first) and the selector matches another group holds ({@code conflicts}).
 */
public record ProtectionGroup(
        ProtectionGroupId id,
        GroupDefinition definition,
        Set<SourceServerId> members,
        List<MembershipConflict> conflicts,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ProtectionGroup {
        TreeSet<SourceServerId> sorted = new TreeSet<>(GroupDefinition.BY_ID);
        sorted.addAll(members);
        members = java.util.Collections.unmodifiableSortedSet(sorted);
        conflicts = conflicts.stream()
                .sorted(Comparator.comparing(c -> c.sourceServerId().value()))
                .toList();
    }

    public String name() {
        return definition.name();
    }

    public Scope scope() {
        return definition.scope();
    }

    /** Creation order decides which group gets a server that several selectors match. */
    public static final Comparator<ProtectionGroup> CREATION_ORDER =
            Comparator.comparing(ProtectionGroup::createdAt).thenComparing(g -> g.id().value());
}
