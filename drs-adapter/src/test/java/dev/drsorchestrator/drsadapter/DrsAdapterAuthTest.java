package dev.drsorchestrator.drsadapter;

import static io.restassured.RestAssured.given;

import dev.drsorchestrator.kit.testing.KitTestResource;
import dev.drsorchestrator.kit.testing.ServiceAuthTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class DrsAdapterAuthTest extends ServiceAuthTest {

    DrsAdapterAuthTest() {
        super("drs-adapter");
    }

    /** A sync of every account's inventory: it would stamp each account's last sync time. */
    @Override
    protected Change change() {
        return new Change("POST", "/drs/accounts/sync", "{}");
    }

    @Override
    protected Object state() {
        return given().get("/drs/accounts").then().statusCode(200).extract().path("items.lastAttemptAt");
    }
}
