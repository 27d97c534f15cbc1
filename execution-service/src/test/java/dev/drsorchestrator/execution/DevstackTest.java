package dev.drsorchestrator.execution;

import static io.restassured.RestAssured.given;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.Identities;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What execution-service's tests against devstack share: the clients, a bus that watches what execution-service
 * publishes, the test playing plan-service (requests) and drs-adapter (reports), the movable clock, and people with
 * real tokens from devstack's user pool (alice, bob and carol are approvers, which includes every operator role).
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

    /**
     * Puts the request on the bus as plan-service would: its metadata names the requester, and for a person (not
     * {@code alarm:…} or {@code schedule:…}) carries their subject in {@code actorId}, the verified identity the
     * two-person rule compares.
     */
    ExecutionRequested request(ExecutionRequested request) {
        return request(bus, request);
    }

    static ExecutionRequested request(EventBus bus, ExecutionRequested request) {
        String requester = request.requestedBy();
        bus.put(
                request,
                EventMetadata.first(request.executionId().value(), requester, subjectOf(requester), Instant.now()));
        return request;
    }

    /** The subject of a person of the tests (created as an approver on first use); none for alarms and schedules. */
    static @Nullable String subjectOf(String requester) {
        if (requester.contains(":")) {
            return null;
        }
        token(requester);
        return Identities.subjectOf(requester);
    }

    /** An access token of {@code person}, an approver (and so every operator role below it). */
    static String token(String person) {
        return Identities.token(person, Roles.APPROVER);
    }

    static ValidatableResponse control(String executionId, String control, String body) {
        return control(executionId, control, body, "bob");
    }

    /** The control sent with {@code person}'s token: they are who the execution records. */
    static ValidatableResponse control(String executionId, String control, String body, String person) {
        return controlWith(executionId, control, body, token(person));
    }

    static ValidatableResponse controlWith(String executionId, String control, String body, String token) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/executions/" + executionId + "/" + control)
                .then();
    }
}
