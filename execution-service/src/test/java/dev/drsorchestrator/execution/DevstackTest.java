package dev.drsorchestrator.execution;

import static io.restassured.RestAssured.given;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.testing.EventBus;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What execution-service's tests against devstack share: the clients, a bus that watches what execution-service
 * publishes, the test playing plan-service (requests) and drs-adapter (reports), and the movable clock.
 */
abstract class DevstackTest {

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    @Inject
    TestClock clock;

    EventBus bus;
    Adapter adapter;

    @BeforeEach
    void watchTheBus() {
        bus = new EventBus(eventBridge, sqs, "watch-" + UUID.randomUUID(), EventSource.EXECUTION_SERVICE);
        adapter = new Adapter(bus);
    }

    ExecutionRequested request(ExecutionRequested request) {
        bus.put(request, request.executionId().value());
        return request;
    }

    static ValidatableResponse control(String executionId, String control, String body) {
        return control(executionId, control, body, "bob");
    }

    static ValidatableResponse control(String executionId, String control, String body, String actor) {
        return given().contentType("application/json")
                .header("X-Actor", actor)
                .body(body)
                .when()
                .post("/executions/" + executionId + "/" + control)
                .then();
    }
}
