package dev.drsorchestrator.contracts;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.LaunchSettingsApplied;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
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
import dev.drsorchestrator.contracts.routing.EventSource;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every project event: its EventBridge {@code detail-type} (the record's simple name), its producer, its record, and
 * where its JSON Schema and sample event live on the classpath. Who consumes each is in
 * {@link dev.drsorchestrator.contracts.routing.RoutingTable}.
 */
public enum EventType {
    PROTECTION_GROUP_CREATED(
            EventSource.CATALOG_SERVICE,
            ProtectionGroupCreated.class,
            "A protection group was created; carries its resolved member servers."),
    PROTECTION_GROUP_UPDATED(
            EventSource.CATALOG_SERVICE,
            ProtectionGroupUpdated.class,
            "A protection group changed (user update or inventory change); carries the whole resolved membership and any conflicts."),
    PROTECTION_GROUP_DELETED(
            EventSource.CATALOG_SERVICE,
            ProtectionGroupDeleted.class,
            "A protection group was deleted; its servers are unassigned."),

    RECOVERY_PLAN_CREATED(
            EventSource.PLAN_SERVICE,
            RecoveryPlanCreated.class,
            "A recovery plan was created; lists the protection groups its waves use."),
    RECOVERY_PLAN_UPDATED(
            EventSource.PLAN_SERVICE,
            RecoveryPlanUpdated.class,
            "A recovery plan changed; lists the protection groups its waves now use."),
    RECOVERY_PLAN_DELETED(EventSource.PLAN_SERVICE, RecoveryPlanDeleted.class, "A recovery plan was deleted."),
    EXECUTION_REQUESTED(
            EventSource.PLAN_SERVICE,
            ExecutionRequested.class,
            "Command: run a snapshot of a plan version (waves resolved to servers) as a DRILL, RECOVERY, REPROTECT or"
                    + " FAILBACK."),

    EXECUTION_STARTED(EventSource.EXECUTION_SERVICE, ExecutionStarted.class, "An execution started running waves."),
    EXECUTION_AWAITING_APPROVAL(
            EventSource.EXECUTION_SERVICE,
            ExecutionAwaitingApproval.class,
            "An execution or one of its waves waits for an operator to approve it."),
    WAVE_STARTED(EventSource.EXECUTION_SERVICE, WaveStarted.class, "A wave started: pre-actions, then the launch."),
    WAVE_COMPLETED(
            EventSource.EXECUTION_SERVICE,
            WaveCompleted.class,
            "A wave finished within its failure policy; per-server results."),
    WAVE_FAILED(
            EventSource.EXECUTION_SERVICE,
            WaveFailed.class,
            "A wave failed; the reason, the policy that now applies, per-server results."),
    EXECUTION_PAUSED(
            EventSource.EXECUTION_SERVICE,
            ExecutionPaused.class,
            "An execution paused, by an operator or a PAUSE failure policy."),
    EXECUTION_RESUMED(EventSource.EXECUTION_SERVICE, ExecutionResumed.class, "An operator resumed a paused execution."),
    EXECUTION_COMPLETED(
            EventSource.EXECUTION_SERVICE, ExecutionCompleted.class, "An execution finished all its waves."),
    EXECUTION_FAILED(
            EventSource.EXECUTION_SERVICE, ExecutionFailed.class, "An execution failed and runs no further waves."),
    EXECUTION_CANCELLED(EventSource.EXECUTION_SERVICE, ExecutionCancelled.class, "An operator cancelled an execution."),
    EXECUTION_REJECTED(
            EventSource.EXECUTION_SERVICE,
            ExecutionRejected.class,
            "An execution request was refused (plan or servers already in an active execution, ...)."),
    WAVE_LAUNCH_REQUESTED(
            EventSource.EXECUTION_SERVICE,
            WaveLaunchRequested.class,
            "Command: run a wave's DRS step: launch (StartRecovery), reprotect (ReverseReplication) or fail back."),
    WAVE_ACTION_REQUESTED(
            EventSource.EXECUTION_SERVICE,
            WaveActionRequested.class,
            "Command: run one SSM document, Lambda or HTTP check action of a wave."),
    DRILL_CLEANUP_REQUESTED(
            EventSource.EXECUTION_SERVICE,
            DrillCleanupRequested.class,
            "Command: terminate a drill's recovery instances, or after a confirmed failback the recovery-Region ones."),

    RECOVERY_JOB_STATE_CHANGED(
            EventSource.DRS_ADAPTER,
            RecoveryJobStateChanged.class,
            "A DRS job of a wave changed status or a server's launch status; every participating server."),
    WAVE_LAUNCH_ACCEPTED(
            EventSource.DRS_ADAPTER,
            WaveLaunchAccepted.class,
            "drs-adapter accepted a wave launch: servers launching, jobs, OPTIONAL servers left out."),
    WAVE_LAUNCH_REJECTED(
            EventSource.DRS_ADAPTER,
            WaveLaunchRejected.class,
            "drs-adapter refused a wave launch; nothing was launched; reason per server."),
    WAVE_ACTION_COMPLETED(
            EventSource.DRS_ADAPTER,
            WaveActionCompleted.class,
            "A wave action ended: outcome, duration, bounded output excerpt."),
    RECOVERY_INSTANCES_TERMINATED(
            EventSource.DRS_ADAPTER,
            RecoveryInstancesTerminated.class,
            "Drill instances were terminated (and which could not be)."),
    FAILBACK_PROGRESS_CHANGED(
            EventSource.DRS_ADAPTER,
            FailbackProgressChanged.class,
            "A REPROTECT or FAILBACK wave moved on: each server's step (reverse replication, sync, Failback Client,"
                    + " launch at the origin, restore), status and what DRS shows."),
    SOURCE_SERVER_INVENTORY_CHANGED(
            EventSource.DRS_ADAPTER,
            SourceServerInventoryChanged.class,
            "DRS source servers of one account and region from an inventory sync (chunked), with the launch settings"
                    + " each would launch with now."),
    NETWORK_INVENTORY_CHANGED(
            EventSource.DRS_ADAPTER,
            NetworkInventoryChanged.class,
            "The EC2 subnets, security groups and instance types of one account and Region changed."),
    LAUNCH_SETTINGS_APPLIED(
            EventSource.DRS_ADAPTER,
            LaunchSettingsApplied.class,
            "A protection group's launch settings were applied to DRS and the EC2 launch templates; per-server result."),

    DRILL_SCHEDULE_DUE(
            EventSource.SCHEDULER,
            DrillScheduleDue.class,
            "A drill schedule fired (put on the bus by EventBridge Scheduler).");

    private static final Map<String, EventType> BY_DETAIL_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::detailType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final EventSource producer;
    private final Class<? extends EventPayload> payloadType;
    private final String description;

    EventType(EventSource producer, Class<? extends EventPayload> payloadType, String description) {
        this.producer = producer;
        this.payloadType = payloadType;
        this.description = description;
    }

    /** One line on what the event says, for the schema and the catalogue in {@code docs/events.md}. */
    public String description() {
        return description;
    }

    /** The EventBridge {@code detail-type}: the record's simple name, such as {@code ExecutionRequested}. */
    public String detailType() {
        return payloadType.getSimpleName();
    }

    public EventSource producer() {
        return producer;
    }

    /** The EventBridge {@code source}, such as {@code drs-orchestrator.plan-service}. */
    public String source() {
        return producer.source();
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** Classpath resource of this event's JSON Schema (the whole EventBridge event). */
    public String schemaResource() {
        return "/drs-orchestrator/schemas/" + detailType() + ".schema.json";
    }

    /** Classpath resource of this event's sample, a whole EventBridge event as an SQS target receives it. */
    public String sampleResource() {
        return "/drs-orchestrator/samples/" + detailType() + ".json";
    }

    public static Optional<EventType> fromDetailType(String detailType) {
        return Optional.ofNullable(BY_DETAIL_TYPE.get(detailType));
    }

    public static EventType of(EventPayload payload) {
        return of(payload.getClass());
    }

    public static EventType of(Class<?> payloadType) {
        EventType type = BY_CLASS.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not a registered event payload");
        }
        return type;
    }
}
