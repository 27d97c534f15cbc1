package dev.drsorchestrator.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.cloudwatch.MetricsService.DataPoint;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * The kit's CloudWatch registry, as {@link CloudWatchMetrics} makes it, publishes to devstack's CloudWatch with the
 * SDK's own client: what arrives is exactly what {@link CloudWatchNames} says (names, dimensions, units), and nothing
 * but the project's own meters.
 */
@ExtendWith(DevstackExtension.class)
class CloudWatchNamesTest {

    private static final String NAMESPACE = "KitCloudWatchNamesTest";
    private final Devstack devstack;

    CloudWatchNamesTest(Devstack devstack) {
        this.devstack = devstack;
    }

    @BeforeEach
    void forgetEarlierData() {
        devstack.metrics().reset();
    }

    private CloudWatchAsyncClient client() {
        return CloudWatchAsyncClient.builder()
                .endpointOverride(devstack.endpoint())
                .region(Region.of(devstack.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("devstack", "devstack")))
                .build();
    }

    @Test
    void theRegistryPublishesTheNamesCloudWatchNamesGivesAndNothingElse() {
        try (CloudWatchAsyncClient client = client()) {
            CloudWatchMeterRegistry cloudWatch =
                    CloudWatchMetrics.registry(NAMESPACE, Duration.ofMinutes(1), "test-service", client, Clock.SYSTEM);
            // As in a service: meters are recorded on Quarkus's composite, which holds the CloudWatch registry.
            CompositeMeterRegistry composite = new CompositeMeterRegistry();
            composite.add(cloudWatch);
            composite
                    .counter(CloudWatchNames.Meters.OUTBOX_PUBLISHED, CloudWatchNames.TYPE, "ExecutionStarted")
                    .increment(2);
            composite.counter(CloudWatchNames.Meters.OUTBOX_PUBLISH_FAILURES).increment();
            var latency =
                    composite.timer(CloudWatchNames.Meters.INBOX_DELIVERY_LATENCY, CloudWatchNames.TYPE, "WaveStarted");
            latency.record(Duration.ofMillis(150));
            latency.record(Duration.ofMillis(50));
            composite.counter(CloudWatchNames.Meters.WAVE_TIMEOUTS).increment();
            composite
                    .counter(CloudWatchNames.Meters.DRS_THROTTLED, CloudWatchNames.OPERATION, "StartRecovery")
                    .increment(3);
            composite.counter(CloudWatchNames.Meters.DRS_LAUNCH_FAILURES).increment();
            // Not the project's: JVM, HTTP and library meters stay out of CloudWatch.
            composite.gauge("jvm.threads.live", 42);
            composite.timer("http.server.requests", "uri", "/executions").record(Duration.ofMillis(5));
            composite.counter("vertx.http.client.requests").increment();

            cloudWatch.close(); // publishes the step so far, as a service's shutdown does
        }

        List<DataPoint> points = devstack.metrics().dataPoints(NAMESPACE, null);
        Map<String, DataPoint> byName =
                points.stream().collect(Collectors.toMap(DataPoint::metricName, p -> p, (a, b) -> b));
        assertThat(byName.keySet())
                .containsExactlyInAnyOrder(
                        CloudWatchNames.OUTBOX_PUBLISHED_COUNT,
                        CloudWatchNames.OUTBOX_PUBLISH_FAILURES_COUNT,
                        CloudWatchNames.INBOX_DELIVERY_LATENCY_AVG,
                        CloudWatchNames.INBOX_DELIVERY_LATENCY_MAX,
                        CloudWatchNames.INBOX_DELIVERY_LATENCY_COUNT,
                        CloudWatchNames.INBOX_DELIVERY_LATENCY_SUM,
                        CloudWatchNames.WAVE_TIMEOUTS_COUNT,
                        CloudWatchNames.DRS_THROTTLED_COUNT,
                        CloudWatchNames.DRS_LAUNCH_FAILURES_COUNT);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.dimensions()).containsEntry(CloudWatchNames.SERVICE, "test-service");
            assertThat(p.storageResolution()).isEqualTo(60);
            assertThat(p.timestamp()).isNotNull();
        });

        DataPoint published = byName.get(CloudWatchNames.OUTBOX_PUBLISHED_COUNT);
        assertThat(published.dimensions())
                .containsOnly(
                        Map.entry(CloudWatchNames.SERVICE, "test-service"),
                        Map.entry(CloudWatchNames.TYPE, "ExecutionStarted"));
        assertThat(published.value()).isEqualTo(2.0);
        assertThat(published.unit()).isEqualTo("Count");
        assertThat(byName.get(CloudWatchNames.OUTBOX_PUBLISH_FAILURES_COUNT).dimensions())
                .containsOnlyKeys(CloudWatchNames.SERVICE);

        assertThat(byName.get(CloudWatchNames.INBOX_DELIVERY_LATENCY_AVG).dimensions())
                .containsOnly(
                        Map.entry(CloudWatchNames.SERVICE, "test-service"),
                        Map.entry(CloudWatchNames.TYPE, "WaveStarted"));
        assertThat(byName.get(CloudWatchNames.INBOX_DELIVERY_LATENCY_AVG).value())
                .isEqualTo(100.0);
        assertThat(byName.get(CloudWatchNames.INBOX_DELIVERY_LATENCY_AVG).unit())
                .isEqualTo("Milliseconds");
        assertThat(byName.get(CloudWatchNames.INBOX_DELIVERY_LATENCY_MAX).value())
                .isEqualTo(150.0);
        assertThat(byName.get(CloudWatchNames.INBOX_DELIVERY_LATENCY_SUM).value())
                .isEqualTo(200.0);
        assertThat(byName.get(CloudWatchNames.INBOX_DELIVERY_LATENCY_COUNT).value())
                .isEqualTo(2.0);
        assertThat(byName.get(CloudWatchNames.INBOX_DELIVERY_LATENCY_COUNT).unit())
                .isEqualTo("Count");

        assertThat(byName.get(CloudWatchNames.DRS_THROTTLED_COUNT).dimensions())
                .containsOnly(
                        Map.entry(CloudWatchNames.SERVICE, "test-service"),
                        Map.entry(CloudWatchNames.OPERATION, "StartRecovery"));
        assertThat(byName.get(CloudWatchNames.DRS_THROTTLED_COUNT).value()).isEqualTo(3.0);
        assertThat(byName.get(CloudWatchNames.WAVE_TIMEOUTS_COUNT).value()).isEqualTo(1.0);
        assertThat(byName.get(CloudWatchNames.DRS_LAUNCH_FAILURES_COUNT).value())
                .isEqualTo(1.0);
    }

    @Test
    void onlyTheProjectsMetersAreOurs() {
        for (String prefix : CloudWatchMetrics.PREFIXES) {
            assertThat(CloudWatchMetrics.ours(new io.micrometer.core.instrument.Meter.Id(
                            prefix + "x",
                            io.micrometer.core.instrument.Tags.empty(),
                            null,
                            null,
                            io.micrometer.core.instrument.Meter.Type.COUNTER)))
                    .isTrue();
        }
        assertThat(CloudWatchMetrics.ours(new io.micrometer.core.instrument.Meter.Id(
                        "jvm.memory.used",
                        io.micrometer.core.instrument.Tags.empty(),
                        null,
                        null,
                        io.micrometer.core.instrument.Meter.Type.GAUGE)))
                .isFalse();
    }
}
