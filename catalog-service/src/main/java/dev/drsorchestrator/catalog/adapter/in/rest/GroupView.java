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
        List<Conflict> conflicts,
        @Nullable List<Plan> usedBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** A server this group's selector matches that another group holds. */
    public record Conflict(String sourceServerId, String heldBy, String heldByName) {
        static Conflict of(MembershipConflict c) {
            return new Conflict(c.sourceServerId().value(), c.heldBy().value(), c.heldByName());
        }
    }

    /** A recovery plan that uses this group. */
    public record Plan(String planId, String planName) {}

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
                g.conflicts().stream().map(Conflict::of).toList(),
                usedBy == null
                        ? null
                        : usedBy.stream()
                                .map(p -> new Plan(p.planId().value(), p.planName()))
                                .toList(),
                g.version(),
                g.createdAt(),
                g.updatedAt());
    }
}
