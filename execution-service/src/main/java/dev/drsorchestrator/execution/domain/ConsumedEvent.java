package dev.drsorchestrator.execution.domain;

import org.jspecify.annotations.Nullable;

/** The event a change comes from, recorded with the change so that a second delivery changes nothing. */
public record ConsumedEvent(
        String eventId, String detailType, @Nullable String traceparent) {}
