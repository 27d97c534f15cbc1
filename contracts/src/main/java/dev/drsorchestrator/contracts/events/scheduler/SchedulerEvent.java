package dev.drsorchestrator.contracts.events.scheduler;

import dev.drsorchestrator.contracts.envelope.EventPayload;

/**
 * Events that EventBridge Scheduler puts on the project bus (source {@code drs-orchestrator.scheduler}). The
 * schedule's input template is a whole {@code detail}: its {@code metadata.eventId} is the scheduler's
 * {@code <aws.scheduler.execution-id>}, so a schedule delivered twice is one event to its consumer.
 */
public sealed interface SchedulerEvent extends EventPayload permits DrillScheduleDue {}
