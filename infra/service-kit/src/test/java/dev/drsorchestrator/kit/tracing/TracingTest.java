package dev.drsorchestrator.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.testing.ConfigProxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spans, their W3C trace context, and the work under way on a thread. */
public class TracingTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** A Tracing that exports nothing, as the services run by default. */
    public static Tracing tracing() {
        KitConfig.Tracing settings =
                ConfigProxy.of(KitConfig.Tracing.class, Map.of("otlpEndpoint", Optional.empty(), "sampleRatio", 1.0));
        return new Tracing(ConfigProxy.of(KitConfig.class, Map.of("serviceName", "svc", "tracing", settings)));
    }

    private final Tracing tracing = tracing();

    @Test
    void aSpanIsTheChildOfTheCallersTraceAndHasAnIdOfItsOwn() {
        try (Tracing.Work work = tracing.start("work", CALLER)) {
            assertThat(work.traceparent())
                    .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                    .doesNotContain("00f067aa0ba902b7");
        }
    }

    @Test
    void withoutACallerOrWithAnUnreadableOneASpanStartsATrace() {
        for (String parent : new String[] {null, "", "not a traceparent", "00-zz-yy-01"}) {
            try (Tracing.Work work = tracing.start("work", parent)) {
                assertThat(work.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
                assertThat(Tracing.traceId(work.traceparent())).isNotEqualTo("00000000000000000000000000000000");
            }
        }
    }

    @Test
    void theWorkUnderWayIsTheInnermostSpanUntilItCloses() {
        assertThat(Tracing.currentTraceparent()).isNull();
        try (Tracing.Work outer = tracing.start("outer", null)) {
            try (Tracing.Work inner = tracing.start("inner", outer.traceparent())) {
                assertThat(Tracing.currentTraceparent()).isEqualTo(inner.traceparent());
            }
            assertThat(Tracing.currentTraceparent()).isEqualTo(outer.traceparent());
        }
        assertThat(Tracing.currentTraceparent()).isNull();
    }

    @Test
    void theTraceIdOfATraceparent() {
        assertThat(Tracing.traceId(CALLER)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Tracing.traceId(null)).isNull();
        assertThat(Tracing.traceId("garbage")).isNull();
    }
}
