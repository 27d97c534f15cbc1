package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides, without I/O, which servers of a REPROTECT or FAILBACK wave can go and where each starts:
 *
 * <ul>
 *   <li>every server needs a recovery (non-drill) instance in the recovery Region;
 *   <li>REPROTECT applies to EC2-origin servers: {@code ReverseReplication}, or straight to tracking the reversed
 *       server when an earlier reprotect already started it;
 *   <li>FAILBACK of an EC2-origin server needs its reversed source server CONTINUOUS (a REPROTECT ran), then launches
 *       it in the origin Region; of an on-premises server, waits for the Failback Client.
 * </ul>
 *
 * A CRITICAL server that cannot go rejects the wave; OPTIONAL ones are left out, as for launches.
 */
public final class FailbackPlanner {

    private FailbackPlanner() {}

    /** What DRS shows about one server: its state, its recovery instance, its reversed server's state. */
    public record Seen(
            ServerSnapshot server,
            @Nullable SourceServerState state,
            @Nullable RecoveryInstanceView instance,
            @Nullable SourceServerState reversed,
            @Nullable String unreachable) {}

    public sealed interface Plan permits Rejected, Accepted {}

    public record Rejected(String reason, List<ServerNotReady> servers) implements Plan {}

    public record Accepted(List<FailbackServer> servers, List<ServerNotReady> excluded) implements Plan {}

    /** One server's readiness and, when ready, the step it starts at, for a preflight. */
    public record Check(
            ServerSnapshot server,
            @Nullable ServerNotReady problem,
            @Nullable FailbackServer start) {}

    /** The readiness of each server, as {@link #plan} decides it, for a preflight. */
    public static List<Check> check(ExecutionType type, List<Seen> seen) {
        List<Check> out = new ArrayList<>();
        for (Seen s : seen) {
            ServerNotReady problem = readiness(type, s);
            out.add(new Check(s.server(), problem, problem == null ? start(type, s) : null));
        }
        return out;
    }

    public static Plan plan(ExecutionType type, List<Seen> seen) {
        List<ServerNotReady> notReady = new ArrayList<>();
        List<FailbackServer> ready = new ArrayList<>();
        for (Seen s : seen) {
            ServerNotReady problem = readiness(type, s);
            if (problem != null) {
                notReady.add(problem);
            } else {
                ready.add(start(type, s));
            }
        }
        String what = type == ExecutionType.REPROTECT ? "reprotect" : "failback";
        List<ServerNotReady> critical = notReady.stream()
                .filter(n -> n.criticality() == Criticality.CRITICAL)
                .toList();
        if (!critical.isEmpty()) {
            return new Rejected(
                    critical.size() + " CRITICAL server(s) not ready for " + what + ": " + WavePlanner.summary(critical)
                            + ". Fix them (or mark them OPTIONAL) and retry the wave.",
                    notReady);
        }
        if (ready.isEmpty()) {
            return new Rejected(
                    "no server of the wave is ready for " + what + ": " + WavePlanner.summary(notReady)
                            + ". Nothing was started.",
                    notReady);
        }
        return new Accepted(ready, notReady);
    }

    static @Nullable ServerNotReady readiness(ExecutionType type, Seen seen) {
        ServerSnapshot s = seen.server();
        if (seen.unreachable() != null) {
            return notReady(s, ServerNotReadyReason.ACCESS_DENIED, seen.unreachable());
        }
        if (seen.state() == null) {
            return notReady(
                    s,
                    ServerNotReadyReason.NOT_FOUND,
                    "DRS has no source server " + s.sourceServerId() + " in account " + s.accountId() + " region "
                            + s.region());
        }
        if (seen.instance() == null) {
            return notReady(
                    s,
                    ServerNotReadyReason.NO_RECOVERY_INSTANCE,
                    "no recovery (non-drill) instance of " + s.sourceServerId() + " in " + s.accountId() + "/"
                            + s.region() + " to return from; run a RECOVERY first (drill instances never fail back)");
        }
        ServerOrigin origin = originOf(seen.state());
        if (type == ExecutionType.REPROTECT && origin.type() != ServerOrigin.Type.EC2) {
            return notReady(
                    s,
                    ServerNotReadyReason.WRONG_ORIGIN,
                    "the server's origin is " + origin.describe() + ": DRS reprotects it when the DRS Failback Client"
                            + " is booted on the target machine; run a FAILBACK, which waits for the client");
        }
        if (type == ExecutionType.FAILBACK && origin.type() == ServerOrigin.Type.EC2) {
            String arn = seen.state().reversedDirectionSourceServerArn();
            if (arn == null || SourceServerArn.parse(arn).isEmpty()) {
                return notReady(
                        s,
                        ServerNotReadyReason.NOT_REPROTECTED,
                        "not reprotected: no source server replicates it back to " + origin.describe()
                                + "; run a REPROTECT first");
            }
            SourceServerState reversed = seen.reversed();
            if (reversed == null) {
                return notReady(
                        s,
                        ServerNotReadyReason.NOT_REPROTECTED,
                        "its reversed source server "
                                + SourceServerArn.parse(arn).orElseThrow()
                                + " does not exist any more; run a REPROTECT again");
            }
            if (reversed.replicationState() != ReplicationState.CONTINUOUS) {
                return notReady(
                        s,
                        ServerNotReadyReason.NOT_REPROTECTED,
                        "its reversed source server " + reversed.sourceServerId() + " replicates "
                                + reversed.replicationState() + ", not CONTINUOUS; wait for the REPROTECT to finish");
            }
        }
        return null;
    }

    private static FailbackServer start(ExecutionType type, Seen seen) {
        FailbackServer f = new FailbackServer();
        ServerSnapshot s = seen.server();
        f.sourceServerId = s.sourceServerId();
        f.criticality = s.criticality();
        f.accountId = s.accountId().value();
        f.region = s.region();
        f.origin = originOf(seen.state());
        f.recoveryInstanceId = seen.instance().recoveryInstanceId();
        f.failbackState = seen.instance().failbackState();
        String arn = seen.state().reversedDirectionSourceServerArn();
        if (type == ExecutionType.REPROTECT) {
            if (arn != null && seen.reversed() != null) {
                f.reversedArn = arn;
                f.replicationState = seen.reversed().replicationState();
                f.set(
                        FailbackStep.REVERSED_SYNC,
                        FailbackStatus.IN_PROGRESS,
                        "replication back to the origin already started ("
                                + seen.reversed().sourceServerId() + "); following it until CONTINUOUS");
            } else {
                f.set(
                        FailbackStep.REVERSE_REPLICATION,
                        FailbackStatus.IN_PROGRESS,
                        "calling ReverseReplication of " + f.recoveryInstanceId);
            }
        } else if (f.ec2()) {
            f.reversedArn = arn;
            f.replicationState = seen.reversed().replicationState();
            f.set(
                    FailbackStep.FAILBACK_LAUNCH,
                    FailbackStatus.WAITING,
                    "launching " + seen.reversed().sourceServerId() + " in " + f.origin.describe());
        } else {
            f.set(
                    FailbackStep.FAILBACK_CLIENT,
                    FailbackStatus.WAITING,
                    "waiting for the DRS Failback Client on the target machine (failback state "
                            + (f.failbackState == null ? "unknown" : f.failbackState) + ")");
        }
        return f;
    }

    static ServerOrigin originOf(@Nullable SourceServerState state) {
        return state == null || state.origin() == null ? ServerOrigin.ON_PREMISES : state.origin();
    }

    private static ServerNotReady notReady(ServerSnapshot s, ServerNotReadyReason reason, String detail) {
        return new ServerNotReady(s.sourceServerId(), s.criticality(), reason, detail);
    }
}
