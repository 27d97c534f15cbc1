package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who holds which server, decided for a set of affected servers of one scope. A server stays with its holder as long
 * as the holder still wants it (explicitly or by selector); otherwise it goes to the {@code preferred} group (the one
 * a user is creating or changing) if that wants it, else to the oldest group that wants it, else to nobody. Every
 * other group that wants it records a conflict naming the holder. Pure: no I/O.
 */
public final class Membership {

    private Membership() {}

    /**
     * @param groups every group of the scope, as they will be (a deleted group left out, a changed one changed)
     * @param affected the servers whose holder may change, with their current holder
     * @param preferred the group a user acts on, which gets unheld servers it wants before older groups
     */
    public static Result reconcile(
            Collection<ProtectionGroup> groups,
            Collection<ServerFacts> affected,
            @Nullable ProtectionGroupId preferred,
            Instant now) {
        List<ProtectionGroup> ordered =
                groups.stream().sorted(ProtectionGroup.CREATION_ORDER).toList();
        Map<ProtectionGroupId, ProtectionGroup> byId = new LinkedHashMap<>();
        ordered.forEach(g -> byId.put(g.id(), g));
        Map<ProtectionGroupId, Set<SourceServerId>> members = new HashMap<>();
        Map<ProtectionGroupId, Map<SourceServerId, MembershipConflict>> conflicts = new HashMap<>();
        for (ProtectionGroup g : ordered) {
            TreeSet<SourceServerId> m = new TreeSet<>(GroupDefinition.BY_ID);
            m.addAll(g.members());
            members.put(g.id(), m);
            Map<SourceServerId, MembershipConflict> c = new LinkedHashMap<>();
            g.conflicts().forEach(x -> c.put(x.sourceServerId(), x));
            conflicts.put(g.id(), c);
        }

        Map<SourceServerId, Optional<ProtectionGroupId>> assignments = new LinkedHashMap<>();
        List<MembershipConflict> refused = new ArrayList<>();
        for (ServerFacts server : affected) {
            List<ProtectionGroup> wanters = ordered.stream()
                    .filter(g -> g.definition().wants(server.id(), server.tags()))
                    .toList();
            ProtectionGroup holder = decideHolder(server, wanters, byId, preferred);
            ProtectionGroupId holderId = holder == null ? null : holder.id();
            if (!java.util.Objects.equals(holderId, server.holder())) {
                assignments.put(server.id(), Optional.ofNullable(holderId));
            }
            for (ProtectionGroup g : ordered) {
                members.get(g.id()).remove(server.id());
                conflicts.get(g.id()).remove(server.id());
            }
            if (holder != null) {
                members.get(holder.id()).add(server.id());
            }
            for (ProtectionGroup wanter : wanters) {
                if (holder != null && !wanter.id().equals(holder.id())) {
                    MembershipConflict conflict = new MembershipConflict(server.id(), holder.id(), holder.name());
                    conflicts.get(wanter.id()).put(server.id(), conflict);
                    if (wanter.id().equals(preferred)) {
                        refused.add(conflict);
                    }
                }
            }
        }

        Map<ProtectionGroupId, ProtectionGroup> changed = new LinkedHashMap<>();
        for (ProtectionGroup g : ordered) {
            Set<SourceServerId> newMembers = members.get(g.id());
            List<MembershipConflict> newConflicts =
                    new ArrayList<>(conflicts.get(g.id()).values());
            ProtectionGroup next = new ProtectionGroup(
                    g.id(),
                    g.definition(),
                    newMembers,
                    newConflicts,
                    g.launch(),
                    g.version(),
                    g.createdAt(),
                    g.updatedAt());
            if (!next.members().equals(g.members()) || !next.conflicts().equals(g.conflicts())) {
                changed.put(
                        g.id(),
                        new ProtectionGroup(
                                g.id(),
                                g.definition(),
                                next.members(),
                                next.conflicts(),
                                next.launch(),
                                g.version() + 1,
                                g.createdAt(),
                                now));
            }
        }
        return new Result(changed, assignments, refused);
    }

    private static @Nullable ProtectionGroup decideHolder(
            ServerFacts server,
            List<ProtectionGroup> wanters,
            Map<ProtectionGroupId, ProtectionGroup> byId,
            @Nullable ProtectionGroupId preferred) {
        if (server.holder() != null) {
            ProtectionGroup current = byId.get(server.holder());
            if (current != null && wanters.contains(current)) {
                return current;
            }
        }
        if (preferred != null) {
            for (ProtectionGroup wanter : wanters) {
                if (wanter.id().equals(preferred)) {
                    return wanter;
                }
            }
        }
        return wanters.isEmpty() ? null : wanters.get(0);
    }

    /**
     * @param changed groups whose members or conflicts changed, with their version raised
     * @param assignments servers whose holder changed: the new holder, or empty for nobody
     * @param refused servers the preferred group wants but another group holds
     */
    public record Result(
            Map<ProtectionGroupId, ProtectionGroup> changed,
            Map<SourceServerId, Optional<ProtectionGroupId>> assignments,
            List<MembershipConflict> refused) {}
}
