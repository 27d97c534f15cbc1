package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /executions: by plan (an index, no scans), filtered, newest first, page by page. */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class HistoryTest extends DevstackTest {

    @Test
    void executionsOfAPlanAreListedNewestFirstFilteredAndPaged() {
        PlanId plan = PlanId.random();
        // The service's clock, which other tests may have moved forward.
        Instant before = clock.instant().minusSeconds(1);
        List<ExecutionId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ExecutionType type = i == 1 ? ExecutionType.RECOVERY : ExecutionType.DRILL;
            ExecutionId id = request(Fixtures.request(ExecutionId.random(), plan, type, 0, threeTiers()))
                    .executionId();
            adapter.runUntil(id, ExecutionCompleted.class);
            ids.add(id);
        }
        List<String> newestFirst =
                List.of(ids.get(2).value(), ids.get(1).value(), ids.get(0).value());

        await().untilAsserted(() ->
                assertThat(list("planId=" + plan).getList("items.executionId")).isEqualTo(newestFirst));
        assertThat(list("planId=" + plan + "&type=RECOVERY").getList("items.executionId"))
                .containsExactly(ids.get(1).value());
        assertThat(list("planId=" + plan + "&status=FAILED").getList("items")).isEmpty();
        assertThat(list("planId=" + plan + "&trigger=USER&status=completed").getList("items"))
                .hasSize(3);
        assertThat(list("planId=" + plan + "&from=" + clock.instant().plusSeconds(60))
                        .getList("items"))
                .isEmpty();
        assertThat(list("planId=" + plan + "&from=" + before + "&to="
                                + clock.instant().plusSeconds(1))
                        .getList("items"))
                .hasSize(3);
        // Across all plans too, newest first.
        assertThat(list("limit=3").getString("items[0].executionId"))
                .isEqualTo(ids.get(2).value());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = list("planId=" + plan + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(page.getList("items.executionId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(newestFirst);
        given().get("/executions?cursor=garbage").then().statusCode(400);
    }

    private static JsonPath list(String query) {
        return given().get("/executions?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
