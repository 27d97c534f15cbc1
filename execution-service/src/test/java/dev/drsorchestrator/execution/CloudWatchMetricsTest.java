package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.kit.metrics.CloudWatchMetrics;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With {@code kit.metrics.cloudwatch.namespace} set (as infra/aws sets it), the service publishes its own meters to
 * CloudWatch (devstack's, read back with {@code GET /_devstack/cloudwatch/metrics}) under the names of
 * {@link CloudWatchNames}: here the execution it started, counted as {@code kit.outbox.published.count} with the
 * dimensions {@code service} and {@code type}.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
@TestProfile(CloudWatchMetricsTest.PublishingToCloudWatch.class)
class CloudWatchMetricsTest extends DevstackTest {

    static final String NAMESPACE = "ExecutionServiceMetricsTest";

    /** The namespace set, and a one-second step so the test need not wait a minute. */
    public static class PublishingToCloudWatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.metrics.cloudwatch.namespace", NAMESPACE, "kit.metrics.cloudwatch.step", "1s");
        }
    }

    @ConfigProperty(name = "devstack.endpoint")
    String devstack;

    @Inject
    MeterRegistry metrics;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** The data points devstack's CloudWatch received in this test's namespace (all of them without a name). */
    private List<JsonNode> received(String metricName) throws Exception {
        String query = "namespace=" + NAMESPACE
                + (metricName == null ? "" : "&metricName=" + URLEncoder.encode(metricName, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(devstack + "/_devstack/cloudwatch/metrics?" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> points = new ArrayList<>();
        json.readTree(response.body()).forEach(points::add);
        return points;
    }

    @Test
    void theCloudWatchRegistryIsInTheRegistryTheServiceRecordsTo() {
        assertThat(((CompositeMeterRegistry) metrics).getRegistries())
                .filteredOn(r -> r instanceof CloudWatchMeterRegistry)
                .hasSize(1);
    }

    @Test
    void anExecutionStartedIsCountedInCloudWatchByServiceAndType() throws Exception {
        ExecutionRequested request = request(Fixtures.request(ExecutionType.DRILL, threeTiers()));
        bus.awaitEvent(ExecutionStarted.class, e -> e.executionId().equals(request.executionId()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(received(CloudWatchNames.OUTBOX_PUBLISHED_COUNT))
                        .anySatisfy(p -> {
                            assertThat(p.path("dimensions")
                                            .path(CloudWatchNames.SERVICE)
                                            .asText())
                                    .isEqualTo("execution-service");
                            assertThat(p.path("dimensions")
                                            .path(CloudWatchNames.TYPE)
                                            .asText())
                                    .isEqualTo("ExecutionStarted");
                            assertThat(p.path("unit").asText()).isEqualTo("Count");
                            assertThat(p.path("value").asDouble()).isGreaterThanOrEqualTo(1);
                        }));
        // The service received what it published, through its inbox: the delivery latency is there too.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(received(CloudWatchNames.INBOX_DELIVERY_LATENCY_COUNT))
                        .anySatisfy(p -> assertThat(p.path("dimensions")
                                        .path(CloudWatchNames.SERVICE)
                                        .asText())
                                .isEqualTo("execution-service")));

        // Only the project's own meters go, each with the service's name (no JVM or HTTP meters).
        assertThat(received(null)).isNotEmpty().allSatisfy(p -> {
            assertThat(CloudWatchMetrics.PREFIXES)
                    .anySatisfy(
                            prefix -> assertThat(p.path("metricName").asText()).startsWith(prefix));
            assertThat(p.path("dimensions").path(CloudWatchNames.SERVICE).asText())
                    .isEqualTo("execution-service");
        });
    }
}
