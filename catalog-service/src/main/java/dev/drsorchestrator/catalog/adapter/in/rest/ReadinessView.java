package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.application.CatalogQueries.GroupReadiness;
import dev.drsorchestrator.catalog.domain.Readiness.ServerReadiness;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A group's readiness: counts, then every member with the reason it is not ready. */
public record ReadinessView(
        String protectionGroupId,
        String name,
        @Nullable Long rpoSeconds,
        int total,
        int ready,
        int notReady,
        Map<ServerNotReadyReason, Integer> notReadyByReason,
        List<Server> servers) {

    /** One member: ready, or why not. */
    public record Server(
            String sourceServerId,
            @Nullable String hostname,
            boolean ready,
            @Nullable ServerNotReadyReason reason,
            @Nullable String detail,
            @Nullable String replicationState,
            @Nullable Long lagSeconds,

            @Schema(
                    description = "Where what the server would launch with now differs from its group's"
                            + " launch settings, one sentence a field; empty while in line or unknown")
            List<String> launchDrift) {
        static Server of(ServerReadiness r, List<String> launchDrift) {
            return new Server(
                    r.sourceServerId().value(),
                    r.hostname(),
                    r.ready(),
                    r.reason(),
                    r.detail(),
                    r.replicationState() == null ? null : r.replicationState().name(),
                    r.lagSeconds(),
                    launchDrift);
        }
    }

    static ReadinessView of(GroupReadiness r) {
        return new ReadinessView(
                r.group().id().value(),
                r.group().name(),
                r.rpoSeconds(),
                r.summary().total(),
                r.summary().ready(),
                r.summary().notReady(),
                r.summary().notReadyByReason(),
                r.summary().servers().stream()
                        .map(s -> Server.of(s, r.launchDrift().getOrDefault(s.sourceServerId(), List.of())))
                        .toList());
    }
}
