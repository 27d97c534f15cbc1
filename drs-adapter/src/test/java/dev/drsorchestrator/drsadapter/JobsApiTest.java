package dev.drsorchestrator.drsadapter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class JobsApiTest extends DevstackTest {

    @Test
    void listsAnExecutionsJobsWithTheirStatePageByPage() {
        ExecutionId execution = ExecutionId.random();
        drs.quotas(new DrsSettings.Quotas(100, 20, 200, 200));
        try {
            request(wave(execution, "web", 1, fleet(150, Criticality.CRITICAL)));
            awaitCompleted(execution, 150);
        } finally {
            drs.quotas(DrsSettings.Quotas.DEFAULT);
        }
        String next = given().queryParam("execution", execution.value())
                .queryParam("limit", 1)
                .when()
                .get("/drs/jobs")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].batch", equalTo(1))
                .body("items[0].batchCount", equalTo(2))
                .body("items[0].phase", equalTo("DONE"))
                .body("items[0].jobStatus", equalTo("COMPLETED"))
                .body("items[0].jobId", notNullValue())
                .body("items[0].serverCount", equalTo(100))
                .body("items[0].servers.launchStatus", everyItem(equalTo("LAUNCHED")))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        given().queryParam("execution", execution.value())
                .queryParam("cursor", next)
                .when()
                .get("/drs/jobs")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].batch", equalTo(2))
                .body("items[0].serverCount", equalTo(50))
                .body("nextCursor", nullValue());
    }

    @Test
    void badQueriesGetProblemsNamingTheField() {
        given().queryParam("execution", "not-an-execution")
                .queryParam("limit", 0)
                .when()
                .get("/drs/jobs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("execution"))
                .body("errors.field", hasItem("limit"));
        given().queryParam("execution", ExecutionId.random().value())
                .queryParam("cursor", "garbage")
                .when()
                .get("/drs/jobs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("cursor"));
        given().queryParam("limit", 500)
                .when()
                .get("/drs/accounts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void listsTheAccountsItWatches() {
        given().when()
                .get("/drs/accounts")
                .then()
                .statusCode(200)
                .body("items.accountId", hasItem(devstack.account()))
                .body("items.accountId", hasItem("333333333333"))
                .body("items[0].quotas.serversPerJob", equalTo(100));
    }
}
