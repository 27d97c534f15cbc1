package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.RecoveryPointUsed;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a wave launch becomes, without I/O: the preflight of each server (exists, CONTINUOUS, lag within the
 * RPO, not in another job), then the split of the ready servers into jobs that respect each account's quotas.
 */
public final class WavePlanner {

    /** Jobs one wave may become: a wave is planned in one transaction (DynamoDB takes 100 items). */
    public static final int MAX_JOBS_PER_WAVE = 90;

    private WavePlanner() {}

    public sealed interface Plan permits Rejected, Accepted {}

    public record Rejected(String reason, List<ServerNotReady> servers) implements Plan {}

    public record Accepted(
            List<Batch> batches,
            List<SourceServerId> launching,
            List<ServerNotReady> excluded,
            List<RecoveryPointUsed> recoveryPoints)
            implements Plan {}

    public record Batch(Scope scope, List<Member> members) {}

    /**
     * What DRS says about one server of the wave (null state: DRS does not know it), and the recovery snapshot it
     * launches from when the execution asked for a point in time ({@code snapshotProblem}: why there is none).
     */
    public record Seen(
            ServerSnapshot server,
            @Nullable SourceServerState state,
            @Nullable String unreachable,
            @Nullable RecoveryPointUsed snapshot,
            @Nullable String snapshotProblem) {}

    /** One server's readiness for a launch, and the snapshot it would launch from. */
    public record Check(
            ServerSnapshot server,
            @Nullable ServerNotReady problem,
            @Nullable RecoveryPointUsed snapshot) {}

    /** The readiness of each server, as {@link #plan} decides it, for a preflight. */
    public static List<Check> check(List<Seen> servers, @Nullable Integer rpoSeconds) {
        return servers.stream()
                .map(seen -> new Check(
                        seen.server(), launchReadiness(seen, rpoSeconds).orElse(null), seen.snapshot()))
                .toList();
    }

    public static Plan plan(List<Seen> servers, @Nullable Integer rpoSeconds, Function<Scope, Quotas> quotas) {
        List<ServerNotReady> notReady = new ArrayList<>();
        Map<Scope, List<Member>> ready = new LinkedHashMap<>();
        for (Seen seen : servers) {
            Optional<ServerNotReady> problem = launchReadiness(seen, rpoSeconds);
            if (problem.isPresent()) {
                notReady.add(problem.get());
            } else {
                ServerSnapshot s = seen.server();
                ready.computeIfAbsent(new Scope(s.accountId(), s.region()), k -> new ArrayList<>())
                        .add(new Member(
                                s.sourceServerId(),
                                s.criticality(),
                                null,
                                seen.snapshot() == null ? null : seen.snapshot().snapshotId(),
                                null));
            }
        }
        List<ServerNotReady> critical = notReady.stream()
                .filter(n -> n.criticality() == Criticality.CRITICAL)
                .toList();
        if (!critical.isEmpty()) {
            return new Rejected(
                    critical.size() + " CRITICAL server(s) not ready for recovery: " + summary(critical)
                            + ". Fix them (or mark them OPTIONAL) and retry the wave.",
                    notReady);
        }
        if (ready.isEmpty()) {
            return new Rejected(
                    "no server of the wave is ready: " + summary(notReady) + ". Nothing was launched.", notReady);
        }
        List<Batch> batches = new ArrayList<>();
        List<SourceServerId> launching = new ArrayList<>();
        ready.forEach((scope, members) -> {
            int size = quotas.apply(scope).jobSize();
            for (int i = 0; i < members.size(); i += size) {
                batches.add(new Batch(scope, List.copyOf(members.subList(i, Math.min(members.size(), i + size)))));
            }
            members.forEach(m -> launching.add(m.sourceServerId()));
        });
        if (batches.size() > MAX_JOBS_PER_WAVE) {
            return new Rejected(
                    "the wave needs " + batches.size() + " DRS jobs (" + launching.size() + " servers); one wave may"
                            + " launch at most " + MAX_JOBS_PER_WAVE + " jobs. Split it into several waves.",
                    List.of());
        }
        List<RecoveryPointUsed> points = servers.stream()
                .filter(seen -> seen.snapshot() != null
                        && launching.contains(seen.server().sourceServerId()))
                .map(Seen::snapshot)
                .toList();
        return new Accepted(batches, launching, notReady, points);
    }

    static Optional<ServerNotReady> launchReadiness(Seen seen, @Nullable Integer rpoSeconds) {
        ServerSnapshot s = seen.server();
        SourceServerState state = seen.state();
        if (seen.unreachable() != null) {
            return notReady(s, ServerNotReadyReason.ACCESS_DENIED, seen.unreachable());
        }
        if (state == null) {
            return notReady(
                    s,
                    ServerNotReadyReason.NOT_FOUND,
                    "DRS has no source server " + s.sourceServerId() + " in account " + s.accountId() + " region "
                            + s.region() + "; it was removed or the plan names the wrong account");
        }
        if (state.lastLaunchStatus() == LaunchStatus.PENDING || state.lastLaunchStatus() == LaunchStatus.IN_PROGRESS) {
            return notReady(
                    s,
                    ServerNotReadyReason.IN_ANOTHER_JOB,
                    "the server is in a DRS job that is still running; wait for it to finish (GET /drs/jobs)");
        }
        if (seen.snapshotProblem() != null) {
            return notReady(s, ServerNotReadyReason.NO_SNAPSHOT, seen.snapshotProblem());
        }
        if (seen.snapshot() != null) {
            // A chosen point in time launches from a snapshot that exists: today's replication does not matter
            // (after ransomware the source may well be stalled or disconnected).
            return Optional.empty();
        }
        if (state.replicationState() == ReplicationState.DISCONNECTED) {
            return notReady(
                    s,
                    ServerNotReadyReason.DISCONNECTED,
                    "the replication agent is disconnected; reconnect the source server's agent");
        }
        if (state.replicationState() != ReplicationState.CONTINUOUS) {
            return notReady(
                    s,
                    ServerNotReadyReason.NOT_CONTINUOUS,
                    "data replication is " + state.replicationState() + ", not CONTINUOUS; wait for replication to"
                            + " catch up or fix it in DRS");
        }
        if (rpoSeconds != null && state.lagSeconds() != null && state.lagSeconds() > rpoSeconds) {
            return notReady(
                    s,
                    ServerNotReadyReason.LAG_ABOVE_RPO,
                    "replication lag " + state.lagSeconds() + "s is above the plan's RPO of " + rpoSeconds + "s");
        }
        return Optional.empty();
    }

    private static Optional<ServerNotReady> notReady(ServerSnapshot s, ServerNotReadyReason reason, String detail) {
        return Optional.of(new ServerNotReady(s.sourceServerId(), s.criticality(), reason, detail));
    }

    static String summary(List<ServerNotReady> servers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < servers.size() && i < 5; i++) {
            ServerNotReady n = servers.get(i);
            b.append(i == 0 ? "" : "; ")
                    .append(n.sourceServerId())
                    .append(' ')
                    .append(n.reason())
                    .append(" (")
                    .append(n.detail())
                    .append(')');
        }
        if (servers.size() > 5) {
            b.append("; and ").append(servers.size() - 5).append(" more");
        }
        return b.toString();
    }
}
