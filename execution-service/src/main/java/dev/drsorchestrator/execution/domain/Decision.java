package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import java.util.List;

/**
 * What one input did to an execution: the new state, the events to publish (facts and commands to drs-adapter), the
 * timers to arm and the timeline lines to keep. All of it commits together.
 */
public record Decision(Execution state, List<EventPayload> events, List<Timer> timers, List<TimelineEntry> timeline) {
    public Decision {
        events = List.copyOf(events);
        timers = List.copyOf(timers);
        timeline = List.copyOf(timeline);
    }
}
