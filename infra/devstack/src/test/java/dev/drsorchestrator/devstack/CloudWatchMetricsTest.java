package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.cloudwatch.MetricsService.DataPoint;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** CloudWatch PutMetricData through the SDK's own client (Smithy RPC v2 CBOR), and the admin route that reads it. */
@ExtendWith(DevstackExtension.class)
class CloudWatchMetricsTest {
    private final Devstack devstack;
    private final Clients clients;

    CloudWatchMetricsTest(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
    }

    @BeforeEach
    void reset() {
        devstack.reset();
    }

    private static MetricDatum datum(String name, double value, Map<String, String> dimensions) {
        return MetricDatum.builder()
                .metricName(name)
                .value(value)
                .unit(StandardUnit.COUNT)
                .timestamp(Instant.parse("2026-01-02T03:04:05.678Z"))
                .storageResolution(60)
                .dimensions(dimensions.entrySet().stream()
                        .map(e -> Dimension.builder()
                                .name(e.getKey())
                                .value(e.getValue())
                                .build())
                        .toList())
                .build();
    }

    @Test
    void putMetricDataRecordsEveryDataPointAsSent() {
        try (CloudWatchClient cw = clients.cloudWatch()) {
            cw.putMetricData(b -> b.namespace("DRSOrchestrator")
                    .metricData(
                            datum("kit.outbox.published.count", 3, Map.of("service", "s1", "type", "T")),
                            MetricDatum.builder()
                                    .metricName("kit.inbox.delivery.latency.sum")
                                    .statisticValues(s -> s.sampleCount(2.0)
                                            .sum(30.0)
                                            .minimum(10.0)
                                            .maximum(20.0))
                                    .unit(StandardUnit.MILLISECONDS)
                                    .build()));
        }
        List<DataPoint> points = devstack.metrics().dataPoints("DRSOrchestrator", null);
        assertThat(points).hasSize(2);
        DataPoint count = points.get(0);
        assertThat(count.metricName()).isEqualTo("kit.outbox.published.count");
        assertThat(count.dimensions()).containsOnly(Map.entry("service", "s1"), Map.entry("type", "T"));
        assertThat(count.value()).isEqualTo(3.0);
        assertThat(count.unit()).isEqualTo("Count");
        assertThat(count.storageResolution()).isEqualTo(60);
        assertThat(count.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(points.get(1).statisticValues())
                .containsExactly(
                        Map.entry("SampleCount", 2.0),
                        Map.entry("Sum", 30.0),
                        Map.entry("Minimum", 10.0),
                        Map.entry("Maximum", 20.0));

        var response = clients.admin("GET", "cloudwatch/metrics?metricName=kit.outbox.published.count", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode listed = Json.parse(response.body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("namespace").asText()).isEqualTo("DRSOrchestrator");
        assertThat(listed.get(0).path("dimensions").path("type").asText()).isEqualTo("T");
        assertThat(listed.get(0).path("value").asDouble()).isEqualTo(3.0);
        assertThat(listed.get(0).path("timestamp").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(Json.parse(clients.admin("GET", "cloudwatch/metrics?namespace=Other", null)
                        .body()))
                .isEmpty();
    }

    @Test
    void largeRequestsArriveGzippedAndWhole() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(datum("m" + i, i, Map.of("service", "s", "type", "some.fairly.long.event.type.name." + i)));
        }
        try (CloudWatchClient cw = clients.cloudWatch()) {
            cw.putMetricData(b -> b.namespace("Big").metricData(data));
        }
        List<DataPoint> points = devstack.metrics().dataPoints("Big", null);
        assertThat(points).hasSize(1000);
        assertThat(points.get(999).metricName()).isEqualTo("m999");
        assertThat(points.get(999).value()).isEqualTo(999.0);
    }

    @Test
    void invalidRequestsAreRefusedAsCloudWatchDoes() {
        try (CloudWatchClient cw = clients.cloudWatch()) {
            assertThatThrownBy(() -> cw.putMetricData(b -> b.metricData(datum("m", 1, Map.of()))))
                    .isInstanceOf(MissingRequiredParameterException.class)
                    .hasMessageContaining("Namespace");
            assertThatThrownBy(() ->
                            cw.putMetricData(b -> b.namespace("AWS/EC2").metricData(datum("m", 1, Map.of()))))
                    .isInstanceOf(InvalidParameterValueException.class);
            assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("N")
                            .metricData(MetricDatum.builder()
                                    .metricName("m")
                                    .value(1.0)
                                    .values(1.0, 2.0)
                                    .build())))
                    .isInstanceOf(InvalidParameterCombinationException.class);
            assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("N")
                            .metricData(MetricDatum.builder().value(1.0).build())))
                    .isInstanceOf(MissingRequiredParameterException.class)
                    .hasMessageContaining("MetricName");
        }
        assertThat(devstack.metrics().dataPoints(null, null)).isEmpty();
    }

    @Test
    void resetForgetsTheDataPoints() {
        try (CloudWatchClient cw = clients.cloudWatch()) {
            cw.putMetricData(b -> b.namespace("N").metricData(datum("m", 1, Map.of())));
        }
        assertThat(devstack.metrics().dataPoints(null, null)).hasSize(1);
        devstack.reset();
        assertThat(devstack.metrics().dataPoints(null, null)).isEmpty();
    }
}
