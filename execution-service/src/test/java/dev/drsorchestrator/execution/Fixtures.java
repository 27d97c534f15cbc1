package dev.drsorchestrator.execution;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.WaveActionCompleted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionOutcome;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LambdaAction;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.WaveAction;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Execution requests for a 3-tier plan (db → app → web), and a scripted drs-adapter that answers commands. */
public final class Fixtures {

    public static final AccountId ACCOUNT = AccountId.of("111122223333");
    public static final String REGION = "us-east-1";
    private static int serial = 0;

    private Fixtures() {}

    public static synchronized SourceServerId server() {
        return SourceServerId.of(String.format("s-%017x", (long) ++serial + (System.nanoTime() & 0xffffffL) * 1000));
    }

    public static ServerSnapshot snapshot(SourceServerId id, Criticality criticality) {
        return new ServerSnapshot(
                id, ACCOUNT, REGION, criticality, "host-" + id.value().substring(2, 8));
    }

    public static List<ServerSnapshot> servers(int critical, int optional) {
        List<ServerSnapshot> servers = new ArrayList<>();
        for (int i = 0; i < critical; i++) {
            servers.add(snapshot(server(), Criticality.CRITICAL));
        }
        for (int i = 0; i < optional; i++) {
            servers.add(snapshot(server(), Criticality.OPTIONAL));
        }
        return servers;
    }

    public static WaveSnapshot wave(String id, List<String> dependsOn, List<ServerSnapshot> servers) {
        return new WaveSnapshot(
                WaveId.of(id),
                id + " tier",
                dependsOn.stream().map(WaveId::of).toList(),
                FailurePolicy.FAIL_FAST,
                false,
                0,
                60,
                List.of(ProtectionGroupId.random()),
                servers,
                List.of(),
                List.of());
    }

    public static WaveSnapshot with(WaveSnapshot w, FailurePolicy policy) {
        return copy(
                w,
                policy,
                w.approvalRequired(),
                w.waitAfterSeconds(),
                w.timeoutMinutes(),
                w.preActions(),
                w.postActions());
    }

    public static WaveSnapshot withApproval(WaveSnapshot w) {
        return copy(
                w, w.failurePolicy(), true, w.waitAfterSeconds(), w.timeoutMinutes(), w.preActions(), w.postActions());
    }

    public static WaveSnapshot withWaitAfter(WaveSnapshot w, int seconds) {
        return copy(
                w,
                w.failurePolicy(),
                w.approvalRequired(),
                seconds,
                w.timeoutMinutes(),
                w.preActions(),
                w.postActions());
    }

    public static WaveSnapshot withTimeout(WaveSnapshot w, int minutes) {
        return copy(
                w,
                w.failurePolicy(),
                w.approvalRequired(),
                w.waitAfterSeconds(),
                minutes,
                w.preActions(),
                w.postActions());
    }

    public static WaveSnapshot withActions(WaveSnapshot w, List<WaveAction> pre, List<WaveAction> post) {
        return copy(w, w.failurePolicy(), w.approvalRequired(), w.waitAfterSeconds(), w.timeoutMinutes(), pre, post);
    }

    /** The wave with what a test varies replaced; identity, groups and servers kept. */
    private static WaveSnapshot copy(
            WaveSnapshot w,
            FailurePolicy policy,
            boolean approval,
            int waitAfterSeconds,
            int timeoutMinutes,
            List<WaveAction> pre,
            List<WaveAction> post) {
        return new WaveSnapshot(
                w.waveId(),
                w.name(),
                w.dependsOn(),
                policy,
                approval,
                waitAfterSeconds,
                timeoutMinutes,
                w.protectionGroupIds(),
                w.servers(),
                pre,
                post);
    }

    public static WaveAction lambda(String id) {
        return new LambdaAction(
                ActionId.of(id), id, false, 60, "arn:aws:lambda:us-east-1:111122223333:function:" + id, null);
    }

    /** db (2 critical + 1 optional) → app (3 critical) → web (2 critical + 2 optional). */
    public static List<WaveSnapshot> threeTiers() {
        return List.of(
                wave("db", List.of(), servers(2, 1)),
                wave("app", List.of("db"), servers(3, 0)),
                wave("web", List.of("app"), servers(2, 2)));
    }

    public static ExecutionRequested request(ExecutionType type, List<WaveSnapshot> waves) {
        return request(ExecutionId.random(), PlanId.random(), type, 0, waves);
    }

    /**
     * A request of {@code type} by alice with no approvals, from {@code point} (null: the latest), with
     * {@code failback} options and {@code drillNetworks}.
     */
    public static ExecutionRequested request(
            ExecutionType type,
            List<WaveSnapshot> waves,
            RecoveryPoint point,
            FailbackOptions failback,
            List<DrillNetwork> drillNetworks) {
        ExecutionRequested base = request(type, waves);
        return new ExecutionRequested(
                base.executionId(),
                base.planId(),
                base.planName(),
                base.planVersion(),
                type,
                base.trigger(),
                base.requestedBy(),
                base.comment(),
                0,
                base.approvalReason(),
                base.rtoSeconds(),
                base.rpoSeconds(),
                base.drillOptions(),
                null,
                waves,
                point,
                failback,
                drillNetworks);
    }

    /** A request by alice that waits for {@code requiredApprovals} approvers other than her. */
    public static ExecutionRequested request(
            ExecutionId id, PlanId plan, ExecutionType type, int requiredApprovals, List<WaveSnapshot> waves) {
        return request(id, plan, type, Trigger.user(), "alice", requiredApprovals, null, waves);
    }

    public static ExecutionRequested request(
            ExecutionId id,
            PlanId plan,
            ExecutionType type,
            Trigger trigger,
            String requestedBy,
            int requiredApprovals,
            String approvalReason,
            List<WaveSnapshot> waves) {
        return new ExecutionRequested(
                id,
                plan,
                "web-shop",
                3,
                type,
                trigger,
                requestedBy,
                "quarterly drill",
                requiredApprovals,
                approvalReason,
                3600,
                300,
                new DrillOptions(30, true),
                null,
                waves);
    }

    public static List<WaveSnapshot> map(List<WaveSnapshot> waves, String id, UnaryOperator<WaveSnapshot> change) {
        return waves.stream()
                .map(w -> w.waveId().value().equals(id) ? change.apply(w) : w)
                .toList();
    }

    public static RecoveryInstanceId instanceOf(SourceServerId server) {
        return RecoveryInstanceId.of("i-" + server.value().substring(2));
    }

    /**
     * drs-adapter as a script: launches in jobs of two servers (a STARTED then a COMPLETED report each), every
     * server LAUNCHED unless {@code failing} names it, every action SUCCEEDED unless {@code failingActions} names it.
     */
    public static final class FakeAdapter {
        private final Map<String, LaunchStatus> failing = new HashMap<>();
        private final List<String> failingActions = new ArrayList<>();
        private final Instant now;

        public FakeAdapter(Instant now) {
            this.now = now;
        }

        public FakeAdapter failing(SourceServerId server) {
            failing.put(server.value(), LaunchStatus.FAILED);
            return this;
        }

        public FakeAdapter failingAction(String actionId) {
            failingActions.add(actionId);
            return this;
        }

        public FakeAdapter healed() {
            failing.clear();
            failingActions.clear();
            return this;
        }

        public List<EventPayload> answer(EventPayload command) {
            if (command instanceof WaveLaunchRequested launch) {
                return launch(launch);
            }
            if (command instanceof WaveActionRequested action) {
                boolean fails =
                        failingActions.contains(action.action().actionId().value());
                return List.of(new WaveActionCompleted(
                        action.executionId(),
                        action.waveId(),
                        action.action().actionId(),
                        action.phase(),
                        action.attempt(),
                        fails ? ActionOutcome.FAILED : ActionOutcome.SUCCEEDED,
                        now,
                        now,
                        1200,
                        "ok",
                        fails ? "exit code 2" : null));
            }
            if (command instanceof DrillCleanupRequested cleanup) {
                return List.of(new RecoveryInstancesTerminated(
                        cleanup.executionId(),
                        ACCOUNT,
                        REGION,
                        null,
                        cleanup.instances().stream()
                                .map(RecoveredServer::recoveryInstanceId)
                                .toList(),
                        List.of()));
            }
            return List.of();
        }

        public List<EventPayload> launch(WaveLaunchRequested launch) {
            List<EventPayload> out = new ArrayList<>();
            List<ServerSnapshot> servers = launch.servers();
            int batches = (servers.size() + 1) / 2;
            out.add(new WaveLaunchAccepted(
                    launch.executionId(),
                    launch.waveId(),
                    launch.attempt(),
                    batches,
                    servers.stream().map(ServerSnapshot::sourceServerId).toList(),
                    List.of()));
            for (int b = 0; b < batches; b++) {
                List<ServerSnapshot> batch = servers.subList(b * 2, Math.min(servers.size(), b * 2 + 2));
                DrsJobId job = jobId(launch, b + 1);
                Map<SourceServerId, ServerLaunchState> started = new LinkedHashMap<>();
                Map<SourceServerId, ServerLaunchState> done = new LinkedHashMap<>();
                for (ServerSnapshot s : batch) {
                    started.put(
                            s.sourceServerId(),
                            new ServerLaunchState(s.sourceServerId(), LaunchStatus.IN_PROGRESS, null, null, null));
                    LaunchStatus end = failing.getOrDefault(s.sourceServerId().value(), LaunchStatus.LAUNCHED);
                    done.put(
                            s.sourceServerId(),
                            new ServerLaunchState(
                                    s.sourceServerId(),
                                    end,
                                    end == LaunchStatus.LAUNCHED ? instanceOf(s.sourceServerId()) : null,
                                    end == LaunchStatus.LAUNCHED
                                            ? Ec2InstanceId.of("i-"
                                                    + s.sourceServerId().value().substring(2))
                                            : null,
                                    end == LaunchStatus.LAUNCHED ? null : "Failed to launch: insufficient capacity"));
                }
                out.add(job(launch, b + 1, job, JobStatus.STARTED, List.copyOf(started.values())));
                out.add(job(launch, b + 1, job, JobStatus.COMPLETED, List.copyOf(done.values())));
            }
            return out;
        }

        private RecoveryJobStateChanged job(
                WaveLaunchRequested launch, int batch, DrsJobId job, JobStatus status, List<ServerLaunchState> s) {
            return new RecoveryJobStateChanged(
                    job,
                    launch.executionId(),
                    launch.waveId(),
                    launch.attempt(),
                    batch,
                    ACCOUNT,
                    REGION,
                    launch.drill(),
                    status,
                    s,
                    now);
        }

        private static DrsJobId jobId(WaveLaunchRequested launch, int batch) {
            long h = Math.abs((long) (launch.executionId().value()
                                            + launch.waveId().value())
                                    .hashCode())
                            * 1000
                    + launch.attempt() * 10L
                    + batch;
            return DrsJobId.of(String.format("drsjob-%017d", h % 100_000_000_000_000_000L));
        }
    }
}
