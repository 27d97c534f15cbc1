package dev.drsorchestrator.drsadapter.adapter.out.aws;

import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts throttled AWS calls: {@code drs.throttled} by {@code operation}, once per throttled attempt, the ones the
 * SDK retried with success included. The SDK hands each call's metrics here when the call ends: one collection per
 * attempt, whose {@code ErrorType} is {@code Throttling} when AWS answered 429 or a throttling error code (as
 * {@link ScopedClients#throttled} decides).
 */
final class ThrottleCounter implements MetricPublisher {

    static final String THROTTLING = "Throttling";

    private final MeterRegistry metrics;

    ThrottleCounter(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void publish(MetricCollection call) {
        long throttled = throttledAttempts(call);
        if (throttled > 0) {
            String operation = call.metricValues(CoreMetric.OPERATION_NAME).stream()
                    .findFirst()
                    .orElse("unknown");
            metrics.counter(CloudWatchNames.Meters.DRS_THROTTLED, CloudWatchNames.OPERATION, operation)
                    .increment(throttled);
        }
    }

    private static long throttledAttempts(MetricCollection collection) {
        long here = collection.metricValues(CoreMetric.ERROR_TYPE).stream()
                .filter(THROTTLING::equals)
                .count();
        return here
                + collection.children().stream()
                        .mapToLong(ThrottleCounter::throttledAttempts)
                        .sum();
    }

    @Override
    public void close() {
        // nothing held
    }
}
