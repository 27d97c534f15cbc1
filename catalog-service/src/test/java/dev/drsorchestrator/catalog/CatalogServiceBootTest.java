package dev.drsorchestrator.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class CatalogServiceBootTest {

    @Test
    void serviceBootsAndIsReadyOnceItsTablesAndQueueExist() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'tables and inbox queue' }.data", hasKey("catalog-source-servers"));
    }

    @Test
    void servesItsOpenApiDocumentAndMetrics() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("DRS Orchestrator catalog-service"))
                .body("paths", hasKey("/protection-groups/{id}/readiness"));
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void listensOnItsFixedPortOutsideTests() throws IOException {
        // Tests run on a random port; the module's own configuration is what a real start uses.
        Properties packaged = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            packaged.load(in);
        }
        assertThat(packaged.getProperty("quarkus.http.port")).isEqualTo("8081");
    }
}
