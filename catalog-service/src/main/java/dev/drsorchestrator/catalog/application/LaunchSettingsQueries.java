package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.domain.AppliedLaunch;
import dev.drsorchestrator.catalog.domain.AppliedLaunchStore;
import dev.drsorchestrator.catalog.domain.GroupStore;
import dev.drsorchestrator.catalog.domain.NetworkInventory;
import dev.drsorchestrator.catalog.domain.NetworkStore;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.ServerStore;
import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchDrift;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A group's launch settings as the API shows them: what is wanted, and per member what it would launch with now
 * (observed by drs-adapter's inventory), where that drifts from what is wanted, and what drs-adapter last reported
 * applying.
 */
@ApplicationScoped
public class LaunchSettingsQueries {

    private final GroupStore groups;
    private final ServerStore servers;
    private final NetworkStore networks;
    private final AppliedLaunchStore applied;

    LaunchSettingsQueries(GroupStore groups, ServerStore servers, NetworkStore networks, AppliedLaunchStore applied) {
        this.groups = groups;
        this.servers = servers;
        this.networks = networks;
        this.applied = applied;
    }

    public LaunchReport report(ProtectionGroupId id) {
        ProtectionGroup group = groups.find(id).orElseThrow(() -> GroupCommands.notFound(id));
        return report(group);
    }

    public LaunchReport report(ProtectionGroup group) {
        Map<SourceServerId, SourceServer> known = servers.get(group.members());
        Map<SourceServerId, AppliedLaunch> results = applied.find(group.id());
        List<MemberLaunch> members = group.members().stream()
                .map(m -> {
                    SourceServer server = known.get(m);
                    LaunchSettings observed = server == null ? null : server.launchSettings();
                    return new MemberLaunch(
                            m,
                            server == null ? null : server.hostname(),
                            group.launch().effective(m),
                            observed,
                            drift(group, m, observed),
                            results.get(m));
                })
                .toList();
        return new LaunchReport(group, networks.find(group.scope()), members);
    }

    /** Where what {@code server} would launch with differs from what its group wants; none while not observed. */
    static List<Drift> drift(ProtectionGroup group, SourceServerId server, @Nullable LaunchSettings observed) {
        if (observed == null) {
            return List.of();
        }
        String desiredBy = "its group '" + group.name() + "'";
        return group.launch().effective(server).driftOf(observed).stream()
                .map(d -> new Drift(d, d.describe(server.value(), desiredBy)))
                .toList();
    }

    public record LaunchReport(ProtectionGroup group, Optional<NetworkInventory> network, List<MemberLaunch> members) {}

    public record MemberLaunch(
            SourceServerId sourceServerId,
            @Nullable String hostname,
            LaunchSettings effective,
            @Nullable LaunchSettings observed,
            List<Drift> drift,
            @Nullable AppliedLaunch lastApplied) {}

    /** One drifting field and the sentence that says so. */
    public record Drift(LaunchDrift drift, String message) {}
}
