package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.domain.GroupQuery;
import dev.drsorchestrator.catalog.domain.GroupStore;
import dev.drsorchestrator.catalog.domain.ListPage;
import dev.drsorchestrator.catalog.domain.PlanUsageStore;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.Readiness;
import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.catalog.domain.ServerQuery;
import dev.drsorchestrator.catalog.domain.ServerStore;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the API reads: groups, the plans that use them, servers with their groups, readiness. */
@ApplicationScoped
public class CatalogQueries {

    private final GroupStore groups;
    private final ServerStore servers;
    private final PlanUsageStore usage;

    CatalogQueries(GroupStore groups, ServerStore servers, PlanUsageStore usage) {
        this.groups = groups;
        this.servers = servers;
        this.usage = usage;
    }

    public ProtectionGroup group(ProtectionGroupId id) {
        return groups.find(id).orElseThrow(() -> GroupCommands.notFound(id));
    }

    public List<PlanUsageStore.PlanRef> plansUsing(ProtectionGroupId id) {
        return usage.plansUsing(id);
    }

    public ListPage<ProtectionGroup> groups(GroupQuery query, int limit, @Nullable Map<String, String> position) {
        return groups.list(query, limit, position);
    }

    public ServerPage servers(ServerQuery query, int limit, @Nullable Map<String, String> position) {
        List<Scope> scopes = query.accountId() != null && query.region() != null
                ? List.of(new Scope(query.accountId(), query.region()))
                : groups.scopes().stream()
                        .filter(s -> query.accountId() == null || s.accountId().equals(query.accountId()))
                        .filter(s -> query.region() == null || s.region().equals(query.region()))
                        .toList();
        ListPage<SourceServer> page = servers.list(query, scopes, limit, position);
        Map<ProtectionGroupId, ProtectionGroup> owners = groups.findAll(page.items().stream()
                .map(SourceServer::protectionGroupId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return new ServerPage(page, owners);
    }

    public GroupReadiness readiness(ProtectionGroupId id, @Nullable Long rpoSeconds) {
        ProtectionGroup group = group(id);
        Map<SourceServerId, SourceServer> known = servers.get(group.members());
        List<Readiness.ServerReadiness> each = group.members().stream()
                .map(m -> Readiness.of(m, known.get(m), rpoSeconds))
                .toList();
        Map<SourceServerId, List<String>> drift = new java.util.HashMap<>();
        for (SourceServerId m : group.members()) {
            SourceServer server = known.get(m);
            drift.put(
                    m,
                    LaunchSettingsQueries.drift(group, m, server == null ? null : server.launchSettings()).stream()
                            .map(LaunchSettingsQueries.Drift::message)
                            .toList());
        }
        return new GroupReadiness(group, rpoSeconds, Readiness.summarize(each), drift);
    }

    public record ServerPage(ListPage<SourceServer> page, Map<ProtectionGroupId, ProtectionGroup> groups) {}

    /** {@code launchDrift}: per member, where what it would launch with differs from its group's settings. */
    public record GroupReadiness(
            ProtectionGroup group,
            @Nullable Long rpoSeconds,
            Readiness.Summary summary,
            Map<SourceServerId, List<String>> launchDrift) {}
}
