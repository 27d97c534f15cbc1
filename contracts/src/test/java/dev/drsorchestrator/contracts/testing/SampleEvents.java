package dev.drsorchestrator.contracts.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.drsorchestrator.contracts.EventType;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventDetail;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.LaunchSettingsApplied;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.events.drs.TerminationFailure;
import dev.drsorchestrator.contracts.events.drs.WaveActionCompleted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionCancelled;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.ExecutionPaused;
import dev.drsorchestrator.contracts.events.execution.ExecutionRejected;
import dev.drsorchestrator.contracts.events.execution.ExecutionResumed;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.execution.WaveStarted;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanCreated;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanDeleted;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanUpdated;
import dev.drsorchestrator.contracts.events.scheduler.DrillScheduleDue;
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
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.ApprovalScope;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.HttpCheckAction;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LambdaAction;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchDisposition;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchSettingsOutcome;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.ManualApprovalAction;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.RecoveryPointUsed;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.contracts.model.ServerLaunchSettingsResult;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.contracts.model.ServerOutcome;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.SsmDocumentAction;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.contracts.model.WaveRef;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One realistic instance of every project event: a 3-tier web shop (db, app, web) drilled in us-east-1. The
 * committed sample files under {@code /drs-orchestrator/samples} are these, written as EventBridge delivers them;
 * tests in any module may build on the same values.
 */
public final class SampleEvents {

    public static final AccountId ACCOUNT = AccountId.of("111122223333");
    public static final String REGION = "us-east-1";
    public static final ExecutionId EXECUTION = ExecutionId.of("exec-3f1c2a9e-8b4d-4e2a-9c1f-5d6e7f8a9b0c");
    public static final PlanId PLAN = PlanId.of("plan-7a2b9c4d-1e3f-4a5b-8c6d-9e0f1a2b3c4d");
    public static final String PLAN_NAME = "web-shop";
    public static final ProtectionGroupId GROUP_DB = ProtectionGroupId.of("pg-0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    public static final ProtectionGroupId GROUP_APP = ProtectionGroupId.of("pg-1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a");
    public static final ProtectionGroupId GROUP_WEB = ProtectionGroupId.of("pg-2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b");
    public static final WaveId WAVE_DB = WaveId.of("db-tier");
    public static final WaveId WAVE_APP = WaveId.of("app-tier");
    public static final WaveId WAVE_WEB = WaveId.of("web-tier");
    public static final DrsJobId JOB = DrsJobId.of("drsjob-0a1b2c3d4e5f6a7b8");
    public static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:web-shop-dr";

    private SampleEvents() {}

    public static SourceServerId server(int n) {
        return SourceServerId.of("s-0a1b2c3d4e5f6" + String.format("%04d", n));
    }

    public static RecoveryInstanceId recoveryInstance(int n) {
        return RecoveryInstanceId.of("i-0fedcba98765" + String.format("%04d", n));
    }

    public static Ec2InstanceId ec2Instance(int n) {
        return Ec2InstanceId.of("i-0aa11bb22cc3" + String.format("%04d", n));
    }

    /** The sample of {@code type}, as the EventBridge event an SQS target receives. */
    public static EventBridgeEvent<EventPayload> event(EventType type) {
        EventPayload data = payload(type);
        String correlationId = correlationIdOf(data);
        EventMetadata metadata = new EventMetadata(
                type == EventType.DRILL_SCHEDULE_DUE ? "d32c5kddcf5bb8c3" : uuid(type.ordinal()),
                EventMetadata.CURRENT_SCHEMA_VERSION,
                T0.plusSeconds(type.ordinal()),
                correlationId,
                type == EventType.DRILL_SCHEDULE_DUE ? null : uuid(100 + type.ordinal()),
                type == EventType.DRILL_SCHEDULE_DUE ? "schedule:web-shop-weekly-drill" : "alice@example.com",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                type == EventType.DRILL_SCHEDULE_DUE ? null : "3b5e8f2a-1c4d-4e6f-9a7b-2d8c0e1f3a5b");
        return new EventBridgeEvent<>(
                "0",
                uuid(200 + type.ordinal()),
                type.detailType(),
                type.source(),
                ACCOUNT.value(),
                T0.plusSeconds(type.ordinal()),
                REGION,
                List.of(),
                new EventDetail<>(metadata, data));
    }

    private static String correlationIdOf(EventPayload data) {
        if (data instanceof ProtectionGroupCreated
                || data instanceof ProtectionGroupUpdated
                || data instanceof ProtectionGroupDeleted) {
            return GROUP_DB.value();
        }
        if (data instanceof RecoveryPlanCreated
                || data instanceof RecoveryPlanUpdated
                || data instanceof RecoveryPlanDeleted
                || data instanceof DrillScheduleDue) {
            return PLAN.value();
        }
        if (data instanceof SourceServerInventoryChanged inventory) {
            return inventory.syncId();
        }
        return EXECUTION.value();
    }

    private static String uuid(int n) {
        return String.format("6f1e2d3c-4b5a-4968-8776-%012d", n);
    }

    /** The sample payload of {@code type}. */
    public static EventPayload payload(EventType type) {
        return switch (type) {
            case PROTECTION_GROUP_CREATED ->
                new ProtectionGroupCreated(
                        GROUP_DB,
                        "shop-db",
                        "Shop databases (primary and replica)",
                        ACCOUNT,
                        REGION,
                        "dba-team",
                        List.of(server(1)),
                        Map.of("Tier", List.of("db"), "App", List.of("shop")),
                        List.of(server(1), server(2)),
                        1,
                        groupLaunchSettings(),
                        List.of(new ServerLaunchSettings(server(1), staticIp("10.0.1.21"))));
            case PROTECTION_GROUP_UPDATED ->
                new ProtectionGroupUpdated(
                        GROUP_DB,
                        "shop-db",
                        "Shop databases (primary and replica)",
                        ACCOUNT,
                        REGION,
                        "dba-team",
                        List.of(server(1)),
                        Map.of("Tier", List.of("db"), "App", List.of("shop")),
                        List.of(server(1), server(2), server(3)),
                        List.of(new MembershipConflict(server(4), GROUP_APP, "shop-app")),
                        ProtectionGroupChangeReason.INVENTORY_CHANGE,
                        2,
                        groupLaunchSettings(),
                        List.of(
                                new ServerLaunchSettings(server(1), staticIp("10.0.1.21")),
                                new ServerLaunchSettings(server(2), staticIp("10.0.1.22"))));
            case PROTECTION_GROUP_DELETED -> new ProtectionGroupDeleted(GROUP_DB, "shop-db", ACCOUNT, REGION, 3);
            case RECOVERY_PLAN_CREATED ->
                new RecoveryPlanCreated(PLAN, PLAN_NAME, 1, 3, List.of(GROUP_DB, GROUP_APP, GROUP_WEB));
            case RECOVERY_PLAN_UPDATED ->
                new RecoveryPlanUpdated(PLAN, PLAN_NAME, 2, 3, List.of(GROUP_DB, GROUP_APP, GROUP_WEB));
            case RECOVERY_PLAN_DELETED -> new RecoveryPlanDeleted(PLAN, PLAN_NAME, 3);
            case EXECUTION_REQUESTED -> executionRequested();
            case EXECUTION_STARTED -> new ExecutionStarted(ref(T0), 3, 6, "alice@example.com");
            case EXECUTION_AWAITING_APPROVAL ->
                new ExecutionAwaitingApproval(
                        ref(T0),
                        ApprovalScope.WAVE,
                        wave(2),
                        "Confirm the database replica is consistent before the app tier starts",
                        "/executions/" + EXECUTION + "/approve");
            case WAVE_STARTED -> new WaveStarted(ref(T0), wave(1), 1, 2);
            case WAVE_COMPLETED ->
                new WaveCompleted(
                        ref(T0),
                        wave(1),
                        1,
                        T0.plusSeconds(5),
                        T0.plusSeconds(420),
                        new ServerCounts(2, 2, 0, 0, 0),
                        List.of(launched(1, Criticality.CRITICAL), launched(2, Criticality.OPTIONAL)));
            case WAVE_FAILED ->
                new WaveFailed(
                        ref(T0),
                        wave(2),
                        1,
                        "CRITICAL server shop-app-1 (s-0a1b2c3d4e5f60003) failed to launch",
                        FailurePolicy.FAIL_FAST,
                        T0.plusSeconds(430),
                        T0.plusSeconds(800),
                        new ServerCounts(2, 1, 1, 0, 0),
                        List.of(
                                new ServerOutcome(
                                        server(3),
                                        "shop-app-1",
                                        Criticality.CRITICAL,
                                        LaunchStatus.FAILED,
                                        null,
                                        null,
                                        "Launch failed: insufficient capacity for instance type m5.xlarge"),
                                launched(4, Criticality.OPTIONAL)));
            case EXECUTION_PAUSED ->
                new ExecutionPaused(
                        ref(T0), "Wave 'app-tier' failed under the PAUSE policy", "execution-service", wave(2));
            case EXECUTION_RESUMED -> new ExecutionResumed(ref(T0), "bob@example.com", "Capacity reservation added");
            case EXECUTION_COMPLETED ->
                new ExecutionCompleted(ref(T0), T0, T0.plusSeconds(1500), 3, 0, 0, new ServerCounts(6, 6, 0, 0, 0));
            case EXECUTION_FAILED ->
                new ExecutionFailed(
                        ref(T0),
                        "Wave 'app-tier' failed under FAIL_FAST: CRITICAL server shop-app-1 failed to launch",
                        wave(2),
                        T0,
                        T0.plusSeconds(800),
                        new ServerCounts(6, 3, 1, 0, 2));
            case EXECUTION_CANCELLED ->
                new ExecutionCancelled(
                        ref(T0),
                        "bob@example.com",
                        "Drill window closed",
                        T0.plusSeconds(600),
                        new ServerCounts(6, 2, 0, 0, 4));
            case EXECUTION_REJECTED ->
                new ExecutionRejected(
                        ref(null),
                        "Plan web-shop already has an active execution",
                        ExecutionId.of("exec-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
                        List.of());
            case WAVE_LAUNCH_REQUESTED ->
                new WaveLaunchRequested(
                        EXECUTION,
                        PLAN,
                        WAVE_DB,
                        1,
                        ExecutionType.DRILL,
                        true,
                        300,
                        dbServers(),
                        new RecoveryPoint(Instant.parse("2026-11-23T01:20:00Z"), List.of()),
                        null,
                        List.of(drillNetwork()));
            case WAVE_ACTION_REQUESTED ->
                new WaveActionRequested(
                        EXECUTION,
                        PLAN,
                        WAVE_APP,
                        ActionPhase.POST,
                        1,
                        ExecutionType.DRILL,
                        smokeTest(),
                        List.of(recovered(3), recovered(4)));
            case DRILL_CLEANUP_REQUESTED ->
                new DrillCleanupRequested(
                        EXECUTION,
                        PLAN,
                        CleanupReason.TTL_EXPIRED,
                        "execution-service",
                        IntStream.rangeClosed(1, 6)
                                .mapToObj(SampleEvents::recovered)
                                .toList());
            case RECOVERY_JOB_STATE_CHANGED ->
                new RecoveryJobStateChanged(
                        JOB,
                        EXECUTION,
                        WAVE_DB,
                        1,
                        1,
                        ACCOUNT,
                        REGION,
                        true,
                        JobStatus.COMPLETED,
                        List.of(
                                new ServerLaunchState(
                                        server(1), LaunchStatus.LAUNCHED, recoveryInstance(1), ec2Instance(1), null),
                                new ServerLaunchState(
                                        server(2), LaunchStatus.LAUNCHED, recoveryInstance(2), ec2Instance(2), null)),
                        T0.plusSeconds(410));
            case WAVE_LAUNCH_ACCEPTED ->
                new WaveLaunchAccepted(
                        EXECUTION,
                        WAVE_DB,
                        1,
                        1,
                        List.of(server(1)),
                        List.of(new ServerNotReady(
                                server(2),
                                Criticality.OPTIONAL,
                                ServerNotReadyReason.LAG_ABOVE_RPO,
                                "Replication lag 912 s is above the plan's RPO of 300 s")),
                        List.of(new RecoveryPointUsed(
                                server(1), "pit-0a1b2c3d4e5f6a7b8", Instant.parse("2026-11-23T01:20:00Z"))));
            case FAILBACK_PROGRESS_CHANGED ->
                new FailbackProgressChanged(
                        EXECUTION,
                        WAVE_DB,
                        1,
                        List.of(
                                new ServerFailbackState(
                                        server(1),
                                        FailbackStep.REVERSED_SYNC,
                                        FailbackStatus.IN_PROGRESS,
                                        "reversed source server replicates to us-west-2: INITIAL_SYNC",
                                        new ServerOrigin(
                                                ServerOrigin.Type.EC2,
                                                ACCOUNT,
                                                "us-west-2",
                                                "us-west-2a",
                                                "i-0a1b2c3d4e5f60001"),
                                        recoveryInstance(1),
                                        "arn:aws:drs:us-west-2:111122223333:source-server/s-0f1e2d3c4b5a60001",
                                        ReplicationState.INITIAL_SYNC,
                                        null,
                                        null,
                                        null,
                                        null),
                                new ServerFailbackState(
                                        server(2),
                                        FailbackStep.FAILBACK_CLIENT,
                                        FailbackStatus.WAITING,
                                        "waiting for the DRS Failback Client on the target machine"
                                                + " (failback state FAILBACK_NOT_STARTED)",
                                        ServerOrigin.ON_PREMISES,
                                        recoveryInstance(2),
                                        null,
                                        null,
                                        null,
                                        "FAILBACK_NOT_STARTED",
                                        null,
                                        null)),
                        T0.plusSeconds(60));
            case WAVE_LAUNCH_REJECTED ->
                new WaveLaunchRejected(
                        EXECUTION,
                        WAVE_DB,
                        1,
                        "CRITICAL server s-0a1b2c3d4e5f60001 is not ready for recovery",
                        List.of(new ServerNotReady(
                                server(1),
                                Criticality.CRITICAL,
                                ServerNotReadyReason.NOT_CONTINUOUS,
                                "Data replication state is STALLED, not CONTINUOUS")));
            case WAVE_ACTION_COMPLETED ->
                new WaveActionCompleted(
                        EXECUTION,
                        WAVE_APP,
                        ActionId.of("smoke-test"),
                        ActionPhase.POST,
                        1,
                        ActionOutcome.SUCCEEDED,
                        T0.plusSeconds(900),
                        T0.plusSeconds(912),
                        12_000,
                        "HTTP 200 from https://shop-dr.example.com/health after 3 attempts",
                        null);
            case RECOVERY_INSTANCES_TERMINATED ->
                new RecoveryInstancesTerminated(
                        EXECUTION,
                        ACCOUNT,
                        REGION,
                        DrsJobId.of("drsjob-1b2c3d4e5f6a7b8c9"),
                        List.of(recoveryInstance(1), recoveryInstance(2)),
                        List.of(new TerminationFailure(
                                recoveryInstance(3), "AccessDeniedException: not authorized to terminate")));
            case NETWORK_INVENTORY_CHANGED ->
                new NetworkInventoryChanged(
                        ACCOUNT,
                        REGION,
                        T0,
                        List.of(
                                new SubnetInfo(
                                        "subnet-0a1b2c3d4e5f60001",
                                        "vpc-0a1b2c3d4e5f60001",
                                        "10.0.1.0/24",
                                        "us-east-1a",
                                        "production-a"),
                                new SubnetInfo(
                                        "subnet-0f9e8d7c6b5a40001",
                                        "vpc-0f9e8d7c6b5a40001",
                                        "10.0.1.0/24",
                                        "us-east-1a",
                                        "drill-a")),
                        List.of(
                                new SecurityGroupInfo("sg-0a1b2c3d4e5f60001", "vpc-0a1b2c3d4e5f60001", "production-db"),
                                new SecurityGroupInfo(
                                        "sg-0f9e8d7c6b5a40001", "vpc-0f9e8d7c6b5a40001", "drill-isolated")),
                        List.of("m5.large", "r5.large", "t3.medium"));
            case LAUNCH_SETTINGS_APPLIED ->
                new LaunchSettingsApplied(
                        GROUP_DB,
                        2,
                        ACCOUNT,
                        REGION,
                        T0,
                        List.of(
                                new ServerLaunchSettingsResult(
                                        server(1), LaunchSettingsOutcome.APPLIED, "lt-0a1b2c3d4e5f60001", 4L, null),
                                new ServerLaunchSettingsResult(
                                        server(2),
                                        LaunchSettingsOutcome.FAILED,
                                        "lt-0a1b2c3d4e5f60002",
                                        null,
                                        "EC2 refused the launch template version (InvalidParameterValue): check the"
                                                + " instance type")));
            case SOURCE_SERVER_INVENTORY_CHANGED ->
                new SourceServerInventoryChanged(
                        ACCOUNT,
                        REGION,
                        InventorySyncType.FULL,
                        "sync-111122223333-us-east-1-20261123T020000Z",
                        1,
                        1,
                        T0,
                        List.of(
                                new SourceServerState(
                                        server(1),
                                        "shop-db-1",
                                        Map.of("Tier", "db", "App", "shop"),
                                        ReplicationState.CONTINUOUS,
                                        4L,
                                        "READY_FOR_RECOVERY",
                                        null,
                                        null,
                                        T0,
                                        new ServerOrigin(
                                                ServerOrigin.Type.EC2,
                                                ACCOUNT,
                                                "us-west-2",
                                                "us-west-2a",
                                                "i-0a1b2c3d4e5f60001"),
                                        "FAILOVER",
                                        null,
                                        new LaunchSettings(
                                                new LaunchConfiguration(
                                                        false,
                                                        true,
                                                        LaunchDisposition.STARTED,
                                                        false,
                                                        RightSizingMethod.NONE,
                                                        false),
                                                new LaunchTemplateSettings(
                                                        "r5.large",
                                                        "subnet-0a1b2c3d4e5f60001",
                                                        List.of("sg-0a1b2c3d4e5f60001"),
                                                        "10.0.1.21",
                                                        Map.of("App", "shop")))),
                                new SourceServerState(
                                        server(2),
                                        "shop-db-2",
                                        Map.of("Tier", "db", "App", "shop"),
                                        ReplicationState.STALLED,
                                        912L,
                                        "READY_FOR_RECOVERY",
                                        LaunchStatus.TERMINATED,
                                        null,
                                        T0.minusSeconds(60),
                                        ServerOrigin.ON_PREMISES,
                                        "FAILOVER",
                                        null)));
            case DRILL_SCHEDULE_DUE ->
                new DrillScheduleDue(
                        "web-shop-weekly-drill", PLAN, ExecutionType.DRILL, T0, "Weekly drill, Mondays 02:00 UTC");
        };
    }

    private static ExecutionRequested executionRequested() {
        List<WaveSnapshot> waves = List.of(
                new WaveSnapshot(
                        WAVE_DB,
                        "Database tier",
                        List.of(),
                        FailurePolicy.FAIL_FAST,
                        false,
                        120,
                        60,
                        List.of(GROUP_DB),
                        dbServers(),
                        List.of(),
                        List.of(new SsmDocumentAction(
                                ActionId.of("db-consistency"),
                                "Check database consistency",
                                false,
                                600,
                                "AWS-RunShellScript",
                                Map.of("commands", List.of("/opt/shop/bin/check-db.sh"))))),
                new WaveSnapshot(
                        WAVE_APP,
                        "Application tier",
                        List.of(WAVE_DB),
                        FailurePolicy.PAUSE,
                        true,
                        60,
                        45,
                        List.of(GROUP_APP),
                        List.of(
                                snapshot(3, "shop-app-1", Criticality.CRITICAL),
                                snapshot(4, "shop-app-2", Criticality.OPTIONAL)),
                        List.of(new LambdaAction(
                                ActionId.of("drain-primary"),
                                "Drain the primary site's load balancer",
                                true,
                                120,
                                "arn:aws:lambda:us-east-1:111122223333:function:shop-drain-primary",
                                JsonNodeFactory.instance.objectNode().put("site", "primary"))),
                        List.of(smokeTest())),
                new WaveSnapshot(
                        WAVE_WEB,
                        "Web tier",
                        List.of(WAVE_APP),
                        FailurePolicy.CONTINUE,
                        false,
                        0,
                        30,
                        List.of(GROUP_WEB),
                        List.of(
                                snapshot(5, "shop-web-1", Criticality.OPTIONAL),
                                snapshot(6, "shop-web-2", Criticality.OPTIONAL)),
                        List.of(new ManualApprovalAction(
                                ActionId.of("dns-ready"),
                                "DNS switch-over ready",
                                false,
                                "Lower the TTL of shop.example.com before the web tier launches")),
                        List.of()));
        return new ExecutionRequested(
                EXECUTION,
                PLAN,
                PLAN_NAME,
                2,
                ExecutionType.DRILL,
                Trigger.user(),
                "alice@example.com",
                "Quarterly DR drill",
                0,
                "the plan requires no approval for a DRILL",
                3600,
                300,
                new DrillOptions(120, true),
                TOPIC_ARN,
                waves,
                new RecoveryPoint(Instant.parse("2026-11-23T01:20:00Z"), List.of()),
                null,
                List.of(drillNetwork()));
    }

    private static LaunchSettings groupLaunchSettings() {
        return new LaunchSettings(
                new LaunchConfiguration(false, true, LaunchDisposition.STARTED, null, RightSizingMethod.NONE, null),
                new LaunchTemplateSettings(
                        "r5.large", "subnet-0a1b2c3d4e5f60001", List.of("sg-0a1b2c3d4e5f60001"), null, null));
    }

    private static LaunchSettings staticIp(String ip) {
        return new LaunchSettings(null, new LaunchTemplateSettings(null, null, null, ip, null));
    }

    private static DrillNetwork drillNetwork() {
        return new DrillNetwork(ACCOUNT, REGION, "subnet-0f9e8d7c6b5a40001", List.of("sg-0f9e8d7c6b5a40001"));
    }

    private static HttpCheckAction smokeTest() {
        return new HttpCheckAction(
                ActionId.of("smoke-test"), "Shop answers", false, 300, "https://shop-dr.example.com/health", 200, 10);
    }

    private static List<ServerSnapshot> dbServers() {
        return List.of(snapshot(1, "shop-db-1", Criticality.CRITICAL), snapshot(2, "shop-db-2", Criticality.OPTIONAL));
    }

    private static ServerSnapshot snapshot(int n, String hostname, Criticality criticality) {
        return new ServerSnapshot(server(n), ACCOUNT, REGION, criticality, hostname);
    }

    private static RecoveredServer recovered(int n) {
        return new RecoveredServer(server(n), ACCOUNT, REGION, recoveryInstance(n), ec2Instance(n));
    }

    private static ServerOutcome launched(int n, Criticality criticality) {
        return new ServerOutcome(
                server(n), "shop-" + n, criticality, LaunchStatus.LAUNCHED, recoveryInstance(n), ec2Instance(n), null);
    }

    private static ExecutionRef ref(Instant startedAt) {
        return new ExecutionRef(
                EXECUTION, PLAN, PLAN_NAME, ExecutionType.DRILL, TriggerType.USER, 3600, startedAt, TOPIC_ARN);
    }

    private static WaveRef wave(int index) {
        return switch (index) {
            case 1 -> new WaveRef(WAVE_DB, "Database tier", 1, 3);
            case 2 -> new WaveRef(WAVE_APP, "Application tier", 2, 3);
            default -> new WaveRef(WAVE_WEB, "Web tier", 3, 3);
        };
    }
}
