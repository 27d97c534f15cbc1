package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's desired launch settings: the group's own ({@code group}) and per-server overrides of them. A server
 * launches with the group's settings, each field its override sets replacing the group's (a list or map replaces the
 * whole list or map).
 */
public record GroupLaunchSettings(LaunchSettings group, Map<SourceServerId, LaunchSettings> servers) {

    public static final GroupLaunchSettings NONE = new GroupLaunchSettings(LaunchSettings.UNMANAGED, Map.of());

    public GroupLaunchSettings {
        group = group == null ? LaunchSettings.UNMANAGED : group;
        TreeMap<SourceServerId, LaunchSettings> sorted = new TreeMap<>(GroupDefinition.BY_ID);
        servers.forEach((id, s) -> {
            if (s != null && !s.managesNothing()) {
                sorted.put(id, s);
            }
        });
        servers = Collections.unmodifiableSortedMap(sorted);
    }

    /** What {@code server} should launch with. */
    public LaunchSettings effective(SourceServerId server) {
        return group.overriddenBy(servers.get(server));
    }

    /** These settings without the overrides of servers that are not {@code members}. */
    public GroupLaunchSettings onlyFor(Collection<SourceServerId> members) {
        if (members.containsAll(servers.keySet())) {
            return this;
        }
        Map<SourceServerId, LaunchSettings> kept = new TreeMap<>(GroupDefinition.BY_ID);
        servers.forEach((id, s) -> {
            if (members.contains(id)) {
                kept.put(id, s);
            }
        });
        return new GroupLaunchSettings(group, kept);
    }

    /** The overrides as the events carry them, by server id. */
    public List<ServerLaunchSettings> serverList() {
        return servers.entrySet().stream()
                .map(e -> new ServerLaunchSettings(e.getKey(), e.getValue()))
                .toList();
    }

    public boolean managesNothing() {
        return group.managesNothing() && servers.isEmpty();
    }
}
