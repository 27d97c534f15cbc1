package dev.drsorchestrator.notifier;

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
class NotifierServiceBootTest {

    @Test
    void serviceBootsAndIsReadyOnceItsTableAndQueueExist() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'tables and inbox queue' }.data", hasKey("notifier-notifications"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("DRS Orchestrator notifier"))
                .body("paths", hasKey("/subscriptions"))
                .body("paths", hasKey("/notifications"));
    }

    @Test
    void listensOnItsFixedPortOutsideTests() throws IOException {
        Properties packaged = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            packaged.load(in);
        }
        assertThat(packaged.getProperty("quarkus.http.port")).isEqualTo("8085");
    }
}
