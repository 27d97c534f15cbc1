package dev.drsorchestrator.execution;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import dev.drsorchestrator.kit.testing.KitTestResource;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ExecutionServiceBootTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void serviceBootsAndIsReadyOnceItsTablesAndQueueExist() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'tables and inbox queue' }.data", hasKey("execution-executions"));
    }

    @Test
    void servesItsOpenApiDocumentAndMetrics() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("DRS Orchestrator execution-service"))
                .body("paths", hasKey("/executions/{id}/waves/{waveId}/retry"));
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void publishesNoMetricsToCloudWatchWithoutANamespace() {
        // kit.metrics.cloudwatch.namespace is unset here: Prometheus only (CloudWatchMetricsTest sets it).
        assertThat(((CompositeMeterRegistry) metrics).getRegistries())
                .isNotEmpty()
                .noneMatch(r -> r instanceof CloudWatchMeterRegistry);
    }

    @Test
    void listensOnItsFixedPortOutsideTests() throws IOException {
        // Tests run on a random port; the module's own configuration is what a real start uses.
        Properties packaged = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            packaged.load(in);
        }
        assertThat(packaged.getProperty("quarkus.http.port")).isEqualTo("8083");
    }
}
