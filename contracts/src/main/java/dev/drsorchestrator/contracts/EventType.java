package dev.drsorchestrator.contracts;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
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
    PROTECTION_GROUP_CREATED(EventSource.CATALOG_SERVICE, ProtectionGroupCreated.class),
    PROTECTION_GROUP_UPDATED(EventSource.CATALOG_SERVICE, ProtectionGroupUpdated.class),
    PROTECTION_GROUP_DELETED(EventSource.CATALOG_SERVICE, ProtectionGroupDeleted.class),

    RECOVERY_PLAN_CREATED(EventSource.PLAN_SERVICE, RecoveryPlanCreated.class),
    RECOVERY_PLAN_UPDATED(EventSource.PLAN_SERVICE, RecoveryPlanUpdated.class),
    RECOVERY_PLAN_DELETED(EventSource.PLAN_SERVICE, RecoveryPlanDeleted.class),
    EXECUTION_REQUESTED(EventSource.PLAN_SERVICE, ExecutionRequested.class),

    EXECUTION_STARTED(EventSource.EXECUTION_SERVICE, ExecutionStarted.class),
    EXECUTION_AWAITING_APPROVAL(EventSource.EXECUTION_SERVICE, ExecutionAwaitingApproval.class),
    WAVE_STARTED(EventSource.EXECUTION_SERVICE, WaveStarted.class),
    WAVE_COMPLETED(EventSource.EXECUTION_SERVICE, WaveCompleted.class),
    WAVE_FAILED(EventSource.EXECUTION_SERVICE, WaveFailed.class),
    EXECUTION_PAUSED(EventSource.EXECUTION_SERVICE, ExecutionPaused.class),
    EXECUTION_RESUMED(EventSource.EXECUTION_SERVICE, ExecutionResumed.class),
    EXECUTION_COMPLETED(EventSource.EXECUTION_SERVICE, ExecutionCompleted.class),
    EXECUTION_FAILED(EventSource.EXECUTION_SERVICE, ExecutionFailed.class),
    EXECUTION_CANCELLED(EventSource.EXECUTION_SERVICE, ExecutionCancelled.class),
    EXECUTION_REJECTED(EventSource.EXECUTION_SERVICE, ExecutionRejected.class),
    WAVE_LAUNCH_REQUESTED(EventSource.EXECUTION_SERVICE, WaveLaunchRequested.class),
    WAVE_ACTION_REQUESTED(EventSource.EXECUTION_SERVICE, WaveActionRequested.class),
    DRILL_CLEANUP_REQUESTED(EventSource.EXECUTION_SERVICE, DrillCleanupRequested.class),

    RECOVERY_JOB_STATE_CHANGED(EventSource.DRS_ADAPTER, RecoveryJobStateChanged.class),
    WAVE_LAUNCH_ACCEPTED(EventSource.DRS_ADAPTER, WaveLaunchAccepted.class),
    WAVE_LAUNCH_REJECTED(EventSource.DRS_ADAPTER, WaveLaunchRejected.class),
    WAVE_ACTION_COMPLETED(EventSource.DRS_ADAPTER, WaveActionCompleted.class),
    RECOVERY_INSTANCES_TERMINATED(EventSource.DRS_ADAPTER, RecoveryInstancesTerminated.class),
    SOURCE_SERVER_INVENTORY_CHANGED(EventSource.DRS_ADAPTER, SourceServerInventoryChanged.class),

    DRILL_SCHEDULE_DUE(EventSource.SCHEDULER, DrillScheduleDue.class);

    private static final Map<String, EventType> BY_DETAIL_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::detailType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final EventSource producer;
    private final Class<? extends EventPayload> payloadType;

    EventType(EventSource producer, Class<? extends EventPayload> payloadType) {
        this.producer = producer;
        this.payloadType = payloadType;
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
