package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.FailbackRun;
import dev.drsorchestrator.drsadapter.domain.FailbackServer;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.Scope;
import dev.drsorchestrator.drsadapter.domain.SourceServerArn;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The replication steps of a REPROTECT or FAILBACK run (EC2 origin): {@code ReverseReplication} with its intent written
 * first and, after a crash, DRS asked before calling again; then the replicating server followed until CONTINUOUS.
 */
@ApplicationScoped
class ReverseReplications {

    private static final Logger LOG = Logger.getLogger(ReverseReplications.class);

    private final RecoveryApi drs;
    private final JobStore store;
    private final Clock clock;

    ReverseReplications(RecoveryApi drs, JobStore store, Clock clock) {
        this.drs = drs;
        this.store = store;
        this.clock = clock;
    }

    /** REVERSE_REPLICATION and the call of RESTORE_DIRECTION: intent first, then the call, once per server. */
    void reverse(FailbackRun run) {
        List<FailbackServer> due = run.servers.stream()
                .filter(s -> !s.isFinal()
                        && (s.step == FailbackStep.REVERSE_REPLICATION
                                || (s.step == FailbackStep.RESTORE_DIRECTION && s.restoredArn == null)))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        List<FailbackServer> retried =
                due.stream().filter(s -> s.reverseIntentAt != null).toList();
        Instant now = clock.instant();
        List<FailbackServer> fresh =
                due.stream().filter(s -> s.reverseIntentAt == null).toList();
        if (!fresh.isEmpty()) {
            fresh.forEach(s -> s.reverseIntentAt = now);
            store.save(run, List.of(), List.of());
        }
        for (FailbackServer s : due) {
            boolean restore = s.step == FailbackStep.RESTORE_DIRECTION;
            Scope scope = restore ? s.reversed().orElseThrow().scope() : s.scope();
            RecoveryInstanceId instance =
                    restore ? Objects.requireNonNull(s.failedBackInstanceId) : s.recoveryInstanceId;
            String arn = null;
            try {
                if (!restore && retried.contains(s)) {
                    // An earlier pass decided the call and did not record its answer: DRS shows whether it ran.
                    arn = reversedArnOf(s.scope(), s.sourceServerId);
                }
                if (arn == null) {
                    arn = drs.reverseReplication(scope, instance);
                }
            } catch (DrsCallFailed e) {
                if (e.kind() == DrsCallFailed.Kind.CONFLICT) {
                    arn = restore
                            ? reversedArnOf(scope, s.reversed().orElseThrow().sourceServerId())
                            : reversedArnOf(s.scope(), s.sourceServerId);
                    if (arn == null) {
                        s.detail = "ReverseReplication of " + instance + " answered a conflict: " + e.getMessage()
                                + "; trying again";
                        continue;
                    }
                } else if (e.kind() == DrsCallFailed.Kind.REJECTED || e.kind() == DrsCallFailed.Kind.ACCESS_DENIED) {
                    s.set(
                            s.step,
                            FailbackStatus.FAILED,
                            "DRS refused ReverseReplication of " + instance + ": " + e.getMessage());
                    continue;
                } else {
                    s.detail = "ReverseReplication of " + instance + " failed: " + e.getMessage() + "; trying again";
                    continue;
                }
            }
            if (restore) {
                s.restoredArn = arn;
                s.set(
                        FailbackStep.RESTORE_DIRECTION,
                        FailbackStatus.IN_PROGRESS,
                        "replicating in the original direction again ("
                                + SourceServerArn.parse(arn)
                                        .map(Object::toString)
                                        .orElse(arn) + ")");
            } else {
                s.reversedArn = arn;
                s.set(
                        FailbackStep.REVERSED_SYNC,
                        FailbackStatus.IN_PROGRESS,
                        "replicating back to " + s.origin.describe() + " ("
                                + SourceServerArn.parse(arn)
                                        .map(Object::toString)
                                        .orElse(arn) + ")");
            }
        }
    }

    private @Nullable String reversedArnOf(Scope scope, SourceServerId server) {
        return drs.sourceServers(scope, List.of(server)).stream()
                .findFirst()
                .map(SourceServerState::reversedDirectionSourceServerArn)
                .orElse(null);
    }

    /** REVERSED_SYNC and RESTORE_DIRECTION after its call: the replicating server until CONTINUOUS. */
    void follow(FailbackRun run) {
        Map<Scope, Map<SourceServerId, FailbackServer>> byScope = new LinkedHashMap<>();
        for (FailbackServer s : run.servers) {
            if (s.isFinal()) {
                continue;
            }
            String arn = s.step == FailbackStep.REVERSED_SYNC
                    ? s.reversedArn
                    : s.step == FailbackStep.RESTORE_DIRECTION ? s.restoredArn : null;
            SourceServerArn.parse(arn)
                    .ifPresent(a -> byScope.computeIfAbsent(a.scope(), k -> new LinkedHashMap<>())
                            .put(a.sourceServerId(), s));
        }
        byScope.forEach((scope, servers) -> {
            Map<SourceServerId, SourceServerState> states = new HashMap<>();
            try {
                drs.sourceServers(scope, servers.keySet()).forEach(st -> states.put(st.sourceServerId(), st));
            } catch (DrsCallFailed e) {
                LOG.warnf(
                        "DescribeSourceServers in %s failed: %s; looking again at the next pass",
                        scope, e.getMessage());
                return;
            }
            servers.forEach((id, s) -> {
                SourceServerState st = states.get(id);
                if (st == null) {
                    s.set(
                            s.step,
                            FailbackStatus.FAILED,
                            "DescribeSourceServers in " + scope + " does not show source server " + id
                                    + ": it was removed in DRS, or the credentials used there reach another account"
                                    + " (check drs.accounts and GET /drs/accounts)");
                    return;
                }
                s.replicationState = st.replicationState();
                s.lagSeconds = st.lagSeconds();
                String where =
                        s.step == FailbackStep.REVERSED_SYNC ? "back to the origin" : "in the original direction";
                if (st.replicationState() == ReplicationState.CONTINUOUS) {
                    s.set(
                            FailbackStep.DONE,
                            FailbackStatus.COMPLETED,
                            "replicating " + where + ": " + id + " in " + scope + " is CONTINUOUS");
                } else {
                    s.set(
                            s.step,
                            FailbackStatus.IN_PROGRESS,
                            "replicating " + where + ": " + id + " in " + scope + " is " + st.replicationState());
                }
            });
        });
    }
}
