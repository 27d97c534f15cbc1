package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.application.LaunchSettingsQueries.Drift;
import dev.drsorchestrator.catalog.application.LaunchSettingsQueries.LaunchReport;
import dev.drsorchestrator.catalog.application.LaunchSettingsQueries.MemberLaunch;
import dev.drsorchestrator.catalog.domain.AppliedLaunch;
import dev.drsorchestrator.catalog.domain.NetworkInventory;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A group's launch settings: what it wants, and per member what it would launch with now and what was applied. */
public record LaunchSettingsView(
        String protectionGroupId,
        String name,
        String accountId,
        String region,

        @Schema(description = "The group's version; send it as If-Match to change the settings")
        long version,

        @Schema(description = "The group's settings; an absent field is left as DRS or the launch template has it")
        LaunchSettings group,

        @Schema(description = "Per-server overrides of the group's settings")
        List<ServerOverride> servers,

        @Schema(
                description = "Every member: its effective settings, what it would launch with now, the drift"
                        + " between them and drs-adapter's last result")
        List<Member> members,

        Network network) {

    public record ServerOverride(String sourceServerId, LaunchSettings settings) {}

    public record Member(
            String sourceServerId,
            @Nullable String hostname,

            @Schema(description = "The group's settings with this server's override on top")
            LaunchSettings effective,

            @Schema(description = "What a launch now would use, from drs-adapter's inventory; null while unknown")
            @Nullable
            LaunchSettings observed,

            @Schema(description = "Each managed field where observed differs from effective")
            List<DriftView> drift,

            @Schema(description = "drs-adapter's last result of applying the group's settings to this server") @Nullable
            LastApplied lastApplied) {}

    public record DriftView(
            String field,
            @Nullable String actual,
            String desired,

            @Schema(
                    examples = "server s-0123456789abcdef0 would launch with subnetId subnet-a; its group 'db' says"
                            + " subnet-b")
            String message) {
        static DriftView of(Drift d) {
            return new DriftView(
                    d.drift().field(), d.drift().actual(), d.drift().desired(), d.message());
        }
    }

    public record LastApplied(
            String outcome,
            @Nullable String launchTemplateId,
            @Nullable Long launchTemplateVersion,
            @Nullable String message,
            long groupVersion,
            Instant appliedAt) {
        static @Nullable LastApplied of(@Nullable AppliedLaunch a) {
            return a == null
                    ? null
                    : new LastApplied(
                            a.outcome().name(),
                            a.launchTemplateId(),
                            a.launchTemplateVersion(),
                            a.message(),
                            a.groupVersion(),
                            a.appliedAt());
        }
    }

    /** Whether drs-adapter has reported the account and Region's network, which the checks need. */
    public record Network(
            boolean known, @Nullable Instant syncedAt, int subnets, int securityGroups, int instanceTypes) {
        static Network of(@Nullable NetworkInventory n) {
            return n == null
                    ? new Network(false, null, 0, 0, 0)
                    : new Network(
                            true,
                            n.syncedAt(),
                            n.subnets().size(),
                            n.securityGroups().size(),
                            n.instanceTypes().size());
        }
    }

    static LaunchSettingsView of(LaunchReport r) {
        ProtectionGroup g = r.group();
        return new LaunchSettingsView(
                g.id().value(),
                g.name(),
                g.definition().accountId().value(),
                g.definition().region(),
                g.version(),
                g.launch().group(),
                g.launch().servers().entrySet().stream()
                        .map(e -> new ServerOverride(e.getKey().value(), e.getValue()))
                        .toList(),
                r.members().stream().map(LaunchSettingsView::member).toList(),
                Network.of(r.network().orElse(null)));
    }

    private static Member member(MemberLaunch m) {
        return new Member(
                m.sourceServerId().value(),
                m.hostname(),
                m.effective(),
                m.observed(),
                m.drift().stream().map(DriftView::of).toList(),
                LastApplied.of(m.lastApplied()));
    }
}
