package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionCancelled;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import dev.drsorchestrator.kit.testing.ServiceAuthTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Who may read and control executions, and who the execution records: the token's identity, never a header. The
 * common part (every operation declares a role, docs/security.md's table, 401s, 403s, the audit trail) is
 * {@link ServiceAuthTest}'s; here the permissions that depend on the execution, and the two-person rule end to end.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ExecutionAuthTest extends ServiceAuthTest {

    /** A DRILL that waits for an approval: {@link #change()} would cancel it. Requested once for the class. */
    private static ExecutionId waiting;

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    EventBus bus;

    ExecutionAuthTest() {
        super("execution-service");
    }

    @BeforeEach
    void watchTheBusAndRequestTheExecutionToChange() {
        bus = new EventBus(eventBridge, sqs, "watch-auth-" + UUID.randomUUID(), EventSource.EXECUTION_SERVICE);
        if (waiting == null) {
            waiting = awaitingApproval(ExecutionType.DRILL, 1);
        }
    }

    @Override
    protected Change change() {
        return new Change("POST", "/executions/" + waiting + "/cancel", "{\"reason\":\"auth probe\"}");
    }

    @Override
    protected Object state() {
        String status = given().get("/executions/" + waiting)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
        List<Object> timeline = given().get("/executions/" + waiting + "/timeline?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return List.of(status, timeline.size());
    }

    @Test
    void theRequesterCannotApproveTheirOwnRecoveryAndTheApprovalRecordedIsTheTokensNotTheXActorHeader() {
        String alice = Identities.token("alice", Roles.APPROVER);
        String bob = Identities.token("bob", Roles.APPROVER);
        String bobsSubject = Identities.subjectOf("bob");
        ExecutionId id = awaitingApproval(ExecutionType.RECOVERY, 1);
        given().get("/executions/" + id)
                .then()
                .body("requestedBy", equalTo("alice"))
                .body("requestedById", equalTo(Identities.subjectOf("alice")));

        DevstackTest.controlWith(id.value(), "approve", "{}", alice)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("two-person-rule"))
                .body("detail", containsString("alice requested this RECOVERY"));
        assertThat(bus.all(WaveLaunchRequested.class, l -> l.executionId().equals(id)))
                .isEmpty();

        given().auth()
                .oauth2(bob)
                .header("X-Actor", "carol")
                .contentType("application/json")
                .body("{\"reason\":\"outage confirmed\"}")
                .post("/executions/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("approvedBy", equalTo("bob"))
                .body("approval.approvals.approver", equalTo(List.of("bob")))
                .body("approval.approvals.approverId", equalTo(List.of(bobsSubject)));
        WaveLaunchRequested launch =
                bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id));
        assertThat(launch.waveId().value()).isEqualTo("db");
        EventMetadata started =
                bus.awaitMetadata(ExecutionStarted.class, e -> e.executionId().equals(id));
        assertThat(started.actor()).isEqualTo("bob");
        assertThat(started.actorId()).isEqualTo(bobsSubject);
        given().get("/executions/" + id + "/report")
                .then()
                .body("approval.approvals.approver", equalTo(List.of("bob")))
                .body("approval.approvals.approverId", equalTo(List.of(bobsSubject)))
                .body("controls.actor", equalTo(List.of("bob", "bob")));
        given().get("/executions/" + id + "/timeline?limit=1000")
                .then()
                .body("items.summary", hasItem("approval 1 of 1 by bob (" + bobsSubject + "); the first wave starts"))
                .body("items.summary", org.hamcrest.Matchers.not(hasItem(containsString("carol"))));
    }

    @Test
    void aDrillOperatorControlsDrillsButARecoveryNeedsARecoveryOperatorAndNothingChangesWhenRefused() {
        String operator = Identities.token("dora-drill", Roles.DRILL_OPERATOR);
        ExecutionId drill = awaitingApproval(ExecutionType.DRILL, 1);
        ExecutionId recovery = awaitingApproval(ExecutionType.RECOVERY, 1);

        DevstackTest.controlWith(recovery.value(), "cancel", "{\"reason\":\"not mine to stop\"}", operator)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("requiredRole", equalTo(Roles.RECOVERY_OPERATOR))
                .body("detail", containsString("Controlling a RECOVERY needs the role 'recovery-operator'"));
        // The role is checked before the body: the same without the reason cancel needs, and for a wave control.
        DevstackTest.controlWith(recovery.value(), "cancel", "{}", operator)
                .statusCode(403)
                .body("requiredRole", equalTo(Roles.RECOVERY_OPERATOR));
        DevstackTest.controlWith(recovery.value(), "waves/db/skip", "{\"reason\":\"x\"}", operator)
                .statusCode(403)
                .body("requiredRole", equalTo(Roles.RECOVERY_OPERATOR));
        // Confirming the termination of a failback's recovery-Region instances is a recovery operator's too.
        ExecutionId failback = awaitingApproval(ExecutionType.FAILBACK, 1);
        DevstackTest.controlWith(failback.value(), "cleanup", "{}", operator)
                .statusCode(403)
                .body("requiredRole", equalTo(Roles.RECOVERY_OPERATOR))
                .body("detail", containsString("Controlling a FAILBACK"));
        DevstackTest.controlWith(ExecutionId.random().value(), "cancel", "{\"reason\":\"x\"}", operator)
                .statusCode(404);

        DevstackTest.controlWith(drill.value(), "cancel", "{\"reason\":\"drill window closed\"}", operator)
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("endedBy", equalTo("dora-drill"));
        assertThat(bus.awaitEvent(ExecutionCancelled.class, e -> e.executionId().equals(drill))
                        .cancelledBy())
                .isEqualTo("dora-drill");

        given().get("/executions/" + recovery).then().body("status", equalTo("AWAITING_APPROVAL"));
        assertThat(bus.all(ExecutionCancelled.class, e -> e.executionId().equals(recovery)))
                .isEmpty();
        String recoveryOperator = Identities.token("rick-recovery", Roles.RECOVERY_OPERATOR);
        DevstackTest.controlWith(recovery.value(), "cancel", "{\"reason\":\"failed back already\"}", recoveryOperator)
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("endedBy", equalTo("rick-recovery"));
    }

    @Test
    void aRecoveryOperatorCannotApprove() {
        String recoveryOperator = Identities.token("rick-recovery", Roles.RECOVERY_OPERATOR);
        ExecutionId recovery = awaitingApproval(ExecutionType.RECOVERY, 1);
        DevstackTest.controlWith(recovery.value(), "approve", "{}", recoveryOperator)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("requiredRole", equalTo(Roles.APPROVER));
        given().get("/executions/" + recovery)
                .then()
                .body("status", equalTo("AWAITING_APPROVAL"))
                .body("approval.approvals", org.hamcrest.Matchers.hasSize(0));
    }

    /** An execution requested by alice (her subject in the request's metadata) that waits for approvals. */
    private ExecutionId awaitingApproval(ExecutionType type, int approvals) {
        ExecutionId id = DevstackTest.request(
                        bus, Fixtures.request(ExecutionId.random(), PlanId.random(), type, approvals, threeTiers()))
                .executionId();
        // Published from the outbox once the state is committed: the execution already waits.
        bus.awaitEvent(ExecutionAwaitingApproval.class, e -> e.executionId().equals(id));
        given().get("/executions/" + id).then().statusCode(200).body("status", equalTo("AWAITING_APPROVAL"));
        return id;
    }
}
