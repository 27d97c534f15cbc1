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
 * that no other group held first), the selector matches another group holds ({@code conflicts}) and its desired
 * launch settings ({@code launch}; a server's override lives only as long as the server is a member).
 */
public record ProtectionGroup(
        ProtectionGroupId id,
        GroupDefinition definition,
        Set<SourceServerId> members,
        List<MembershipConflict> conflicts,
        GroupLaunchSettings launch,
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
        launch = (launch == null ? GroupLaunchSettings.NONE : launch).onlyFor(members);
    }

    /** This group with other launch settings, at {@code version}. */
    public ProtectionGroup withLaunch(GroupLaunchSettings settings, long version, Instant now) {
        return new ProtectionGroup(id, definition, members, conflicts, settings, version, createdAt, now);
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
