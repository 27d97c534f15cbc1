package dev.drsorchestrator.kit.events;

import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the inbox reads off an {@link InboundEvent}, a project event or an AWS service event alike. */
final class Inbound {

    private Inbound() {}

    /**
     * Records how long {@code event} took from its occurrence to {@code receivedAt} ({@code kit.inbox.delivery.latency}
     * by {@code type}); zero when the sender's clock was ahead.
     */
    static void recordDelivery(MeterRegistry metrics, InboundEvent event, String type, Instant receivedAt) {
        Duration latency = Duration.between(occurredAt(event), receivedAt);
        metrics.timer(CloudWatchNames.Meters.INBOX_DELIVERY_LATENCY, CloudWatchNames.TYPE, type)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    static Instant occurredAt(InboundEvent event) {
        if (event instanceof InboundEvent.Project p) {
            return p.event().metadata().occurredAt();
        }
        return ((InboundEvent.Aws) event).event().time();
    }

    static String detailType(InboundEvent event) {
        if (event instanceof InboundEvent.Project p) {
            return p.event().detailType();
        }
        return ((InboundEvent.Aws) event).event().type().detailType();
    }

    static String correlationId(InboundEvent event) {
        if (event instanceof InboundEvent.Project p) {
            return p.event().metadata().correlationId();
        }
        return ((InboundEvent.Aws) event).event().eventId();
    }

    /** The trace context the event carries; an AWS event carries none, so its work starts a trace. */
    static @Nullable String traceparent(InboundEvent event) {
        if (event instanceof InboundEvent.Project p) {
            return p.event().metadata().traceparent();
        }
        return null;
    }
}
