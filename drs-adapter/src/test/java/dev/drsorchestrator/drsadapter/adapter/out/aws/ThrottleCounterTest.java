package dev.drsorchestrator.drsadapter.adapter.out.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollector;

/** drs.throttled counts each throttled attempt of a call, by the call's operation. */
class ThrottleCounterTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ThrottleCounter counter = new ThrottleCounter(metrics);

    /** One call's metrics as the SDK collects them: one child collection per attempt, each with its error type. */
    private static MetricCollector call(String operation, String... attemptErrors) {
        MetricCollector call = MetricCollector.create("ApiCall");
        call.reportMetric(CoreMetric.OPERATION_NAME, operation);
        for (String error : attemptErrors) {
            MetricCollector attempt = call.createChild("ApiCallAttempt");
            if (error != null) {
                attempt.reportMetric(CoreMetric.ERROR_TYPE, error);
            }
        }
        return call;
    }

    private double throttled(String operation) {
        var c = metrics.find(CloudWatchNames.Meters.DRS_THROTTLED)
                .tag(CloudWatchNames.OPERATION, operation)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void everyThrottledAttemptCountsEvenWhenARetrySucceeded() {
        counter.publish(call("StartRecovery", "Throttling", "Throttling", null).collect());
        counter.publish(call("DescribeInstances", "Throttling").collect());

        assertThat(throttled("StartRecovery")).isEqualTo(2);
        assertThat(throttled("DescribeInstances")).isEqualTo(1);
    }

    @Test
    void otherFailuresAndCleanCallsCountNothing() {
        counter.publish(call("DescribeJobs", "ServerError", "IO", null).collect());
        counter.publish(call("DescribeJobs", (String) null).collect());

        assertThat(metrics.find(CloudWatchNames.Meters.DRS_THROTTLED).counters())
                .isEmpty();
    }
}
