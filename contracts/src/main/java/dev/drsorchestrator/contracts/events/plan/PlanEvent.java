package dev.drsorchestrator.contracts.events.plan;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.ids.PlanId;

/** Events published by plan-service (source {@code drs-orchestrator.plan-service}). */
public sealed interface PlanEvent extends EventPayload
        permits RecoveryPlanCreated, RecoveryPlanUpdated, RecoveryPlanDeleted, ExecutionRequested {

    PlanId planId();
}
