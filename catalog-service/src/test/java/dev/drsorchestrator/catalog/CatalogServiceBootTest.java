package dev.drsorchestrator.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogServiceBootTest {

    @Test
    void serviceBootsAndReportsItselfHealthy() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("DRS Orchestrator catalog-service"));
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
