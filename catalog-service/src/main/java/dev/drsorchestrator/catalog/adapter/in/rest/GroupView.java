package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.domain.GroupDefinition;
import dev.drsorchestrator.catalog.domain.PlanUsageStore.PlanRef;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A protection group as the API shows it. */
public record GroupView(
        String id,
        String name,
        @Nullable String description,
        String accountId,
        String region,
        @Nullable String owner,
        List<String> sourceServerIds,
        Map<String, List<String>> tagSelector,
        List<String> members,
        int memberCount,
        List<MembershipConflict> conflicts,
        @Nullable List<PlanRef> usedBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static GroupView of(ProtectionGroup g, @Nullable List<PlanRef> usedBy) {
        GroupDefinition d = g.definition();
        return new GroupView(
                g.id().value(),
                d.name(),
                d.description(),
                d.accountId().value(),
                d.region(),
                d.owner(),
                d.explicitServers().stream().map(SourceServerId::value).toList(),
                d.selector().asLists(),
                g.members().stream().map(SourceServerId::value).toList(),
                g.members().size(),
                g.conflicts(),
                usedBy,
                g.version(),
                g.createdAt(),
                g.updatedAt());
    }
}
