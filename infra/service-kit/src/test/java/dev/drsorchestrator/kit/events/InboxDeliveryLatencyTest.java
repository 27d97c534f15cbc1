package dev.drsorchestrator.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.EventType;
import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.aws.AwsEventParser;
import dev.drsorchestrator.contracts.aws.AwsEventType;
import dev.drsorchestrator.contracts.testing.SampleEvents;
import dev.drsorchestrator.contracts.testing.Samples;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every received event records its delivery latency: receipt minus occurrence, by detail-type. */
class InboxDeliveryLatencyTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private Timer timer(String type) {
        return metrics.get(CloudWatchNames.Meters.INBOX_DELIVERY_LATENCY)
                .tag(CloudWatchNames.TYPE, type)
                .timer();
    }

    @Test
    void aProjectEventsLatencyRunsFromItsMetadataOccurredAt() {
        InboundEvent event = new InboundEvent.Project(SampleEvents.event(EventType.WAVE_STARTED));
        Instant occurred = ((InboundEvent.Project) event).event().metadata().occurredAt();
        String type = Inbound.detailType(event);

        Inbound.recordDelivery(metrics, event, type, occurred.plusMillis(1500));
        Inbound.recordDelivery(metrics, event, type, occurred.plusMillis(500));

        assertThat(type).isEqualTo("WaveStarted");
        assertThat(timer(type).count()).isEqualTo(2);
        assertThat(timer(type).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(timer(type).max(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    @Test
    void anAwsEventsLatencyRunsFromItsTime() {
        InboundEvent event = new InboundEvent.Aws(AwsEventParser.parse(
                Samples.resource(AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT.samplePrefix() + "-succeeded.json")));
        String type = Inbound.detailType(event);

        Inbound.recordDelivery(metrics, event, type, Instant.parse("2016-08-22T20:12:21Z"));

        assertThat(timer(type).count()).isEqualTo(1);
        assertThat(timer(type).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
    }

    @Test
    void aSenderClockAheadOfOursRecordsZeroNotANegativeLatency() {
        InboundEvent event = new InboundEvent.Project(SampleEvents.event(EventType.EXECUTION_STARTED));
        Instant occurred = Inbound.occurredAt(event);

        Inbound.recordDelivery(metrics, event, "ExecutionStarted", occurred.minusSeconds(3));

        assertThat(timer("ExecutionStarted").count()).isEqualTo(1);
        assertThat(timer("ExecutionStarted").totalTime(TimeUnit.MILLISECONDS)).isZero();
    }
}
