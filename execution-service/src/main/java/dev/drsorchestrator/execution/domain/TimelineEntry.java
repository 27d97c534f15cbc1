package dev.drsorchestrator.execution.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of an execution's timeline: an event received ({@code RECEIVED}), a control ({@code CONTROL}), a timer
 * ({@code TIMER}) or an event published ({@code PUBLISHED}).
 */
public record TimelineEntry(
        Instant at, String kind, String type, @Nullable String actor, String summary) {
    public static final String RECEIVED = "RECEIVED";
    public static final String CONTROL = "CONTROL";
    public static final String TIMER = "TIMER";
    public static final String PUBLISHED = "PUBLISHED";
}
