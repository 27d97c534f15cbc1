package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One server of a plan with what it launches with: the group that holds it, where it recovers, its group's desired
 * launch settings (merged with its own overrides) and what it would launch with now ({@code observed}, absent when
 * no inventory sync has read it).
 */
public record PlanServer(
        SourceServerId id,
        CatalogGroup group,
        LaunchSettings desired,
        @Nullable LaunchSettings observed) {

    public NetworkScope scope() {
        return group.scope();
    }

    /** The production subnets this server launches into: the one it would launch into now, and its group's. */
    public Map<String, String> productionSubnets() {
        Map<String, String> subnets = new LinkedHashMap<>();
        if (observed != null && observed.template().subnetId() != null) {
            subnets.put(observed.template().subnetId(), "server " + id + " would launch into it (its launch template)");
        }
        String wanted = desired.template().subnetId();
        if (wanted != null) {
            subnets.putIfAbsent(wanted, "server " + id + "'s group '" + group.name() + "' names it");
        }
        return subnets;
    }

    /** The plan's servers, in wave, group and member order, each once (the groups that still exist). */
    public static List<PlanServer> of(
            PlanDefinition plan,
            Map<ProtectionGroupId, CatalogGroup> groups,
            Map<SourceServerId, ServerStatus> servers) {
        Map<SourceServerId, CatalogGroup> members = new LinkedHashMap<>();
        for (Wave wave : plan.waves()) {
            Preflight.members(wave, groups).forEach(members::putIfAbsent);
        }
        List<PlanServer> out = new ArrayList<>();
        members.forEach((id, group) -> {
            ServerStatus status = servers.get(id);
            out.add(new PlanServer(
                    id, group, group.launchSettingsOf(id), status == null ? null : status.launchSettings()));
        });
        return out;
    }

    /** The accounts and Regions the servers recover in, in order. */
    public static Set<NetworkScope> scopes(List<PlanServer> servers) {
        Set<NetworkScope> scopes = new LinkedHashSet<>();
        servers.forEach(s -> scopes.add(s.scope()));
        return scopes;
    }
}
