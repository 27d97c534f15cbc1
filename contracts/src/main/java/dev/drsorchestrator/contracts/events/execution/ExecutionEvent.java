package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.ids.ExecutionId;

/**
 * Events published by execution-service (source {@code drs-orchestrator.execution-service}): lifecycle facts that
 * people and plan-service follow, and commands that drs-adapter carries out.
 */
public sealed interface ExecutionEvent extends EventPayload permits ExecutionLifecycleEvent, ExecutionCommand {

    ExecutionId executionId();
}
