package dev.drsorchestrator.notifier;

import static io.restassured.RestAssured.given;

import dev.drsorchestrator.kit.testing.KitTestResource;
import dev.drsorchestrator.kit.testing.ServiceAuthTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class NotifierAuthTest extends ServiceAuthTest {

    NotifierAuthTest() {
        super("notifier");
    }

    @Override
    protected Change change() {
        return new Change(
                "POST",
                "/subscriptions",
                "{\"protocol\":\"sqs\",\"endpoint\":\"arn:aws:sqs:us-east-1:000000000000:auth-probe\"}");
    }

    @Override
    protected Object state() {
        return given().queryParam("limit", 200)
                .get("/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }
}
