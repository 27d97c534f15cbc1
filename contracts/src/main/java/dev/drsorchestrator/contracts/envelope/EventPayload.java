package dev.drsorchestrator.contracts.envelope;

/**
 * The {@code detail.data} of a project event. Each producer's events form a sealed interface that extends this one
 * ({@code CatalogEvent}, {@code PlanEvent}, {@code ExecutionEvent}, {@code DrsAdapterEvent}, {@code SchedulerEvent}).
 */
public interface EventPayload {}
