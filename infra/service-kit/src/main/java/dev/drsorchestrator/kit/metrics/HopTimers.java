package dev.drsorchestrator.kit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Where an event's time goes, hop by hop, in every service: three timers by {@code type} (the event's detail-type),
 * with percentile histograms on {@code /q/metrics} so a benchmark or a dashboard can read p50 and p99.
 * <ul>
 *   <li>{@value CloudWatchNames.Meters#HOP_PUBLISH}: commit → published. From the event's {@code occurredAt} (set
 *       when the transaction that writes it is built) to EventBridge accepting it (the producer's relay).
 *   <li>{@value CloudWatchNames.Meters#HOP_DELIVER}: published → received. From the bus putting the event into the
 *       consumer's queue (SQS {@code SentTimestamp}) to the consumer receiving it. EventBridge's own {@code time} has
 *       one-second resolution, so the bus's transit is not in this hop; {@code kit.inbox.delivery.latency} covers the
 *       whole way from {@code occurredAt}.
 *   <li>{@value CloudWatchNames.Meters#HOP_HANDLE}: received → committed. From the receipt to the handler's return,
 *       its transaction committed (successes only).
 * </ul>
 */
@ApplicationScoped
public class HopTimers {

    private final MeterRegistry metrics;

    public HopTimers(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    public void published(String type, Instant occurredAt, Instant publishedAt) {
        record(CloudWatchNames.Meters.HOP_PUBLISH, type, occurredAt, publishedAt);
    }

    public void delivered(String type, Instant enqueuedAt, Instant receivedAt) {
        record(CloudWatchNames.Meters.HOP_DELIVER, type, enqueuedAt, receivedAt);
    }

    public void handled(String type, Instant receivedAt, Instant committedAt) {
        record(CloudWatchNames.Meters.HOP_HANDLE, type, receivedAt, committedAt);
    }

    private void record(String meter, String type, Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        metrics.timer(meter, CloudWatchNames.TYPE, type).record(d.isNegative() ? Duration.ZERO : d);
    }

    /** Percentile histograms (Prometheus buckets) for the hop timers, from 1 ms to 60 s. */
    @Produces
    @Singleton
    MeterFilter hopHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith(CloudWatchNames.Meters.HOP_PREFIX)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
