package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Whether a group's servers can be recovered now: a server is ready when DRS replicates it continuously
 * ({@code CONTINUOUS}) with a lag within the RPO; a server DRS does not report (never seen, or missing from the last
 * full sync) is not.
 */
public final class Readiness {

    private Readiness() {}

    public static ServerReadiness of(SourceServerId id, @Nullable SourceServer server, @Nullable Long rpoSeconds) {
        if (server == null || !server.knownToDrs()) {
            return notReady(
                    id,
                    server,
                    ServerNotReadyReason.NOT_FOUND,
                    "DRS has not reported this server in any"
                            + " inventory sync; check the id and that the server replicates in this account and region");
        }
        if (server.gone()) {
            return notReady(
                    id,
                    server,
                    ServerNotReadyReason.NOT_FOUND,
                    "missing from DRS since the full inventory sync at " + server.goneSince()
                            + "; it was deleted or disconnected from DRS");
        }
        if (server.replicationState() == ReplicationState.DISCONNECTED) {
            return notReady(id, server, ServerNotReadyReason.DISCONNECTED, "the replication agent is disconnected");
        }
        if (server.replicationState() != ReplicationState.CONTINUOUS) {
            return notReady(
                    id,
                    server,
                    ServerNotReadyReason.NOT_CONTINUOUS,
                    "replication state is " + server.replicationState() + ", not CONTINUOUS");
        }
        if (rpoSeconds != null && server.lagSeconds() != null && server.lagSeconds() > rpoSeconds) {
            return notReady(
                    id,
                    server,
                    ServerNotReadyReason.LAG_ABOVE_RPO,
                    "replication lag " + server.lagSeconds() + " s exceeds the RPO of " + rpoSeconds + " s");
        }
        return new ServerReadiness(
                id, server.hostname(), true, null, null, server.replicationState(), server.lagSeconds());
    }

    private static ServerReadiness notReady(
            SourceServerId id, @Nullable SourceServer server, ServerNotReadyReason reason, String detail) {
        return new ServerReadiness(
                id,
                server == null ? null : server.hostname(),
                false,
                reason,
                detail,
                server == null || !server.knownToDrs() ? null : server.replicationState(),
                server == null ? null : server.lagSeconds());
    }

    public static Summary summarize(Collection<ServerReadiness> servers) {
        Map<ServerNotReadyReason, Integer> byReason = new TreeMap<>();
        int ready = 0;
        for (ServerReadiness s : servers) {
            if (s.ready()) {
                ready++;
            } else {
                byReason.merge(s.reason(), 1, Integer::sum);
            }
        }
        return new Summary(servers.size(), ready, servers.size() - ready, byReason, List.copyOf(servers));
    }

    public record ServerReadiness(
            SourceServerId sourceServerId,
            @Nullable String hostname,
            boolean ready,
            @Nullable ServerNotReadyReason reason,
            @Nullable String detail,
            @Nullable ReplicationState replicationState,
            @Nullable Long lagSeconds) {}

    public record Summary(
            int total,
            int ready,
            int notReady,
            Map<ServerNotReadyReason, Integer> notReadyByReason,
            List<ServerReadiness> servers) {}
}
