package dev.drsorchestrator.kit.events;

/**
 * One delivery of an inbox message, as a handler sees it.
 *
 * @param eventId what the consumer deduplicates on ({@code metadata.eventId}, or EventBridge's id for AWS events)
 * @param detailType the event's {@code detail-type}
 * @param receiveCount how often SQS has delivered this message (1 the first time)
 */
public record Delivery(String eventId, String detailType, int receiveCount) {}
