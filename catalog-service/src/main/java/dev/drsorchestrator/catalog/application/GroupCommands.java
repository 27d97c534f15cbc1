package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.application.ScopeCoordinator.Decision;
import dev.drsorchestrator.catalog.domain.GroupDefinition;
import dev.drsorchestrator.catalog.domain.GroupLaunchSettings;
import dev.drsorchestrator.catalog.domain.GroupStore;
import dev.drsorchestrator.catalog.domain.Membership;
import dev.drsorchestrator.catalog.domain.PlanUsageStore;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.ScopeChange;
import dev.drsorchestrator.catalog.domain.ScopeState;
import dev.drsorchestrator.catalog.domain.ServerFacts;
import dev.drsorchestrator.catalog.domain.ServerStore;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Creates, changes and deletes protection groups. Each is one membership change of the group's scope: a server that
 * another group holds refuses the whole request (409, naming every such server and its group), and of two requests
 * racing for a server exactly one commits.
 */
@ApplicationScoped
public class GroupCommands {

    private final ScopeCoordinator coordinator;
    private final GroupStore groups;
    private final ServerStore servers;
    private final PlanUsageStore usage;
    private final Clock clock;

    GroupCommands(
            ScopeCoordinator coordinator, GroupStore groups, ServerStore servers, PlanUsageStore usage, Clock clock) {
        this.coordinator = coordinator;
        this.groups = groups;
        this.servers = servers;
        this.usage = usage;
        this.clock = clock;
    }

    public ProtectionGroup create(GroupDefinition definition, Actor actor) {
        ProtectionGroupId id = ProtectionGroupId.random();
        return coordinator.change(definition.scope(), state -> {
            Instant now = clock.instant();
            requireUniqueName(state, definition, null);
            ProtectionGroup fresh =
                    new ProtectionGroup(id, definition, Set.of(), List.of(), GroupLaunchSettings.NONE, 0, now, now);
            List<ProtectionGroup> scopeGroups = new ArrayList<>(state.groups());
            scopeGroups.add(fresh);
            Membership.Result result =
                    Membership.reconcile(scopeGroups, facts(candidates(definition, Set.of())), id, now);
            refuseConflicts(result, definition);
            ProtectionGroup created = withVersion(result.changed().getOrDefault(id, fresh), 1, now);
            List<ScopeChange.Event> events = new ArrayList<>();
            events.add(GroupEvents.created(created, actor, now));
            return decision(created, result, events, actor, now);
        });
    }

    public ProtectionGroup update(ProtectionGroupId id, GroupDefinition definition, long expectedVersion, Actor actor) {
        ProtectionGroup existing = groups.find(id).orElseThrow(() -> notFound(id));
        if (!existing.scope().equals(definition.scope())) {
            throw ProblemException.invalid(List.of(new FieldError(
                    existing.definition().accountId().equals(definition.accountId()) ? "region" : "accountId",
                    "a group cannot move to another account or region (it is in " + existing.scope()
                            + "); create a new group there instead")));
        }
        return coordinator.change(definition.scope(), state -> {
            Instant now = clock.instant();
            ProtectionGroup current = state.group(id).orElseThrow(() -> notFound(id));
            requireVersion(current, expectedVersion);
            requireUniqueName(state, definition, id);
            if (current.definition().equals(definition)) {
                return Decision.nothing(current);
            }
            ProtectionGroup changed = new ProtectionGroup(
                    id,
                    definition,
                    current.members(),
                    current.conflicts(),
                    current.launch(),
                    current.version(),
                    current.createdAt(),
                    now);
            List<ProtectionGroup> scopeGroups = new ArrayList<>(state.groups());
            scopeGroups.replaceAll(g -> g.id().equals(id) ? changed : g);
            Set<SourceServerId> before = new LinkedHashSet<>(current.members());
            current.conflicts().forEach(c -> before.add(c.sourceServerId()));
            Membership.Result result =
                    Membership.reconcile(scopeGroups, facts(candidates(definition, before)), id, now);
            refuseConflicts(result, definition);
            ProtectionGroup updated =
                    withVersion(result.changed().getOrDefault(id, changed), current.version() + 1, now);
            List<ScopeChange.Event> events = new ArrayList<>();
            events.add(GroupEvents.updated(
                    updated, ProtectionGroupChangeReason.USER_UPDATE, GroupEvents.metadata(updated, actor, now)));
            return decision(updated, result, events, actor, now);
        });
    }

    public void delete(ProtectionGroupId id, @Nullable Long expectedVersion, Actor actor) {
        ProtectionGroup existing = groups.find(id).orElseThrow(() -> notFound(id));
        List<PlanUsageStore.PlanRef> plans = usage.plansUsing(id);
        if (!plans.isEmpty()) {
            throw ProblemException.conflict(
                    "group-in-use",
                    "The protection group is used by recovery plans",
                    "'" + existing.name() + "' is used by " + plans.size() + " recovery plan(s): "
                            + String.join(
                                    ", ",
                                    plans.stream()
                                            .map(p -> p.planName() + " (" + p.planId() + ")")
                                            .toList())
                            + ". Remove it from their waves first, then delete it.",
                    Map.of(
                            "plans",
                            plans.stream()
                                    .map(p -> Map.of("planId", p.planId().value(), "planName", p.planName()))
                                    .toList()));
        }
        coordinator.change(existing.scope(), state -> {
            Instant now = clock.instant();
            ProtectionGroup current = state.group(id).orElseThrow(() -> notFound(id));
            if (expectedVersion != null) {
                requireVersion(current, expectedVersion);
            }
            List<ProtectionGroup> remaining =
                    state.groups().stream().filter(g -> !g.id().equals(id)).toList();
            Membership.Result result = Membership.reconcile(remaining, facts(current.members()), null, now);
            List<ScopeChange.Event> events = new ArrayList<>();
            events.add(GroupEvents.deleted(current, current.version() + 1, actor, now));
            EventMetadata cause = events.get(0).metadata();
            List<ProtectionGroup> puts = new ArrayList<>();
            for (ProtectionGroup other : result.changed().values()) {
                puts.add(other);
                events.add(GroupEvents.updated(
                        other,
                        ProtectionGroupChangeReason.OTHER_GROUP_CHANGE,
                        EventMetadata.causedBy(cause, actor.name(), now)));
            }
            return new Decision<>(puts, List.of(id), result.assignments(), events, current);
        });
    }

    private Decision<ProtectionGroup> decision(
            ProtectionGroup subject,
            Membership.Result result,
            List<ScopeChange.Event> events,
            Actor actor,
            Instant now) {
        List<ProtectionGroup> puts = new ArrayList<>();
        puts.add(subject);
        EventMetadata cause = events.get(0).metadata();
        for (ProtectionGroup other : result.changed().values()) {
            if (other.id().equals(subject.id())) {
                continue;
            }
            puts.add(other);
            events.add(GroupEvents.updated(
                    other,
                    ProtectionGroupChangeReason.OTHER_GROUP_CHANGE,
                    EventMetadata.causedBy(cause, actor.name(), now)));
        }
        return new Decision<>(puts, List.of(), result.assignments(), events, subject);
    }

    /** The servers a definition may take: its explicit list, its selector's matches, and what it had before. */
    private Set<SourceServerId> candidates(GroupDefinition definition, Set<SourceServerId> before) {
        Set<SourceServerId> ids = new TreeSet<>(GroupDefinition.BY_ID);
        ids.addAll(before);
        ids.addAll(definition.explicitServers());
        if (!definition.selector().isEmpty()) {
            ids.addAll(servers.matching(definition.scope(), definition.selector()));
        }
        return ids;
    }

    private List<ServerFacts> facts(Set<SourceServerId> ids) {
        Map<SourceServerId, SourceServer> known = servers.get(ids);
        List<ServerFacts> facts = new ArrayList<>(ids.size());
        for (SourceServerId id : ids) {
            SourceServer server = known.get(id);
            facts.add(server == null ? ServerFacts.unknown(id) : server.facts());
        }
        return facts;
    }

    private static void refuseConflicts(Membership.Result result, GroupDefinition definition) {
        if (result.refused().isEmpty()) {
            return;
        }
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (MembershipConflict c : result.refused()) {
            byGroup.computeIfAbsent(c.heldByName() + " (" + c.heldBy() + ")", k -> new ArrayList<>())
                    .add(c.sourceServerId().value());
        }
        StringBuilder detail = new StringBuilder();
        detail.append(result.refused().size())
                .append(" server(s) that '")
                .append(definition.name())
                .append("' would take belong to other groups: ");
        byGroup.forEach((group, ids) -> detail.append(String.join(", ", ids))
                .append(" held by ")
                .append(group)
                .append("; "));
        detail.append("a server belongs to one group at most. Remove them from the request (or narrow the selector),"
                + " or take them out of the other group first.");
        throw ProblemException.conflict(
                "server-in-another-group",
                "Servers belong to another protection group",
                detail.toString(),
                Map.of(
                        "conflicts",
                        result.refused().stream()
                                .map(c -> Map.of(
                                        "sourceServerId", c.sourceServerId().value(),
                                        "heldBy", c.heldBy().value(),
                                        "heldByName", c.heldByName()))
                                .toList()));
    }

    private static void requireUniqueName(
            ScopeState state, GroupDefinition definition, @Nullable ProtectionGroupId self) {
        for (ProtectionGroup g : state.groups()) {
            if (!g.id().equals(self) && g.definition().nameKey().equals(definition.nameKey())) {
                throw ProblemException.conflict(
                        "name-taken",
                        "The name is taken",
                        "name: '" + g.name() + "' (" + g.id() + ") already exists in " + state.scope()
                                + "; names are unique per account and region, ignoring case. Choose another name"
                                + " or change that group.",
                        Map.of("existingGroupId", g.id().value()));
            }
        }
    }

    static void requireVersion(ProtectionGroup current, long expected) {
        if (current.version() != expected) {
            throw new ProblemException(
                    409,
                    "stale-version",
                    "The group changed since you read it",
                    "version: you sent " + expected + " but '" + current.name() + "' is at version " + current.version()
                            + "; GET it again, reapply your change and send the new version",
                    List.of(new FieldError(
                            "version", "is " + expected + " but the current version is " + current.version())),
                    Map.of("currentVersion", current.version()));
        }
    }

    private static ProtectionGroup withVersion(ProtectionGroup g, long version, Instant now) {
        return new ProtectionGroup(
                g.id(), g.definition(), g.members(), g.conflicts(), g.launch(), version, g.createdAt(), now);
    }

    static ProblemException notFound(ProtectionGroupId id) {
        return ProblemException.notFound("Protection group", id.value());
    }
}
