package dev.drsorchestrator.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.kit.tracing.Tracing;
import dev.drsorchestrator.kit.tracing.TracingTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which trace an event written to the outbox carries. */
class OutboxTraceTest {

    private static final String OTHER = "00-11111111111111111111111111111111-2222222222222222-01";
    private final Tracing tracing = TracingTest.tracing();

    private static EventMetadata metadata(String traceparent) {
        return EventMetadata.first("exec-1", "test", Instant.now()).withTraceparent(traceparent);
    }

    @Test
    void withoutWorkUnderWayTheEventKeepsWhatItCarries() {
        assertThat(Outbox.traced(metadata(null)).traceparent()).isNull();
        assertThat(Outbox.traced(metadata(OTHER)).traceparent()).isEqualTo(OTHER);
    }

    @Test
    void anEventWrittenDuringWorkCarriesItsSpan() {
        try (Tracing.Work work = tracing.start("work", null)) {
            assertThat(Outbox.traced(metadata(null)).traceparent()).isEqualTo(work.traceparent());
        }
    }

    @Test
    void anEventOfTheSameTraceCarriesTheSpanThatWroteItNotItsCause() {
        try (Tracing.Work cause = tracing.start("cause", null)) {
            try (Tracing.Work work = tracing.start("work", cause.traceparent())) {
                assertThat(Outbox.traced(metadata(cause.traceparent())).traceparent())
                        .isEqualTo(work.traceparent());
            }
        }
    }

    @Test
    void anEventThatContinuesAnotherTraceKeepsIt() {
        // A DRS job's report, written while handling DRS's own event (a trace of its own), continues the job's trace.
        try (Tracing.Work work = tracing.start("drs event", null)) {
            assertThat(Outbox.traced(metadata(OTHER)).traceparent()).isEqualTo(OTHER);
        }
    }
}
