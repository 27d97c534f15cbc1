package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ACCOUNT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Rest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 6: people with roles. A drill-operator runs a drill; a RECOVERY requested by one person is refused when
 * the same person approves it and runs once a second approver does; a viewer starts nothing; and each service's
 * audit trail lists every one of those requests with its outcome.
 */
@ExtendWith(TheSystem.Extension.class)
class IdentityIT {

    @Test
    void rolesTheTwoPersonRuleAndTheAuditTrailAcrossTheServices(TheSystem system) {
        List<Server> servers = system.synced(system.fleet("id-", 3, List.of(ACCOUNT_A), List.of("app")));
        String planId = system.oneWavePlan("identity-plan", servers);
        String plan = "/recovery-plans/" + planId + "/executions";

        // A viewer starts nothing.
        Rest.Response refused = system.estate.as("viewer").request(planId, "DRILL", "a viewer tries");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("requiredRole").asText()).isEqualTo("drill-operator");
        assertThat(system.executionsOf(planId)).isEmpty();

        // A drill-operator runs a drill, and is its recorded requester.
        String drill = system.estate.as("drill-operator").execute(planId, "DRILL", "the drill-operator's drill");
        JsonNode drilled = system.awaitStatus(drill, "COMPLETED", Duration.ofSeconds(60));
        assertThat(drilled.path("requestedBy").asText()).isEqualTo("drill-operator");
        // ... but may not start a RECOVERY.
        Rest.Response noRecovery = system.estate.as("drill-operator").request(planId, "RECOVERY", "not mine to start");
        assertThat(noRecovery.status()).isEqualTo(403);
        assertThat(noRecovery.json().path("requiredRole").asText()).isEqualTo("recovery-operator");

        // A RECOVERY requested by "approver" waits; the same person approving it is refused: two persons.
        long seq = system.devstack.lastCall();
        String recovery = system.estate.as("approver").execute(planId, "RECOVERY", "region down");
        system.awaitStatus(recovery, "AWAITING_APPROVAL", Duration.ofSeconds(30));
        Rest.Response self = system.estate.as("approver").controlAnswer(recovery, "approve", "approving my own");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().path("detail").asText())
                .contains("two-person rule")
                .contains("approver");
        // A recovery-operator may not approve at all.
        Rest.Response operator = system.estate.as("recovery-operator").controlAnswer(recovery, "approve", "me?");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().path("requiredRole").asText()).isEqualTo("approver");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> system.launches(seq, servers).values().stream().allMatch(n -> n == 0));

        system.estate.as("approver-2").control(recovery, "approve", "confirmed with the incident lead");
        JsonNode recovered = system.awaitStatus(recovery, "COMPLETED", Duration.ofSeconds(60));
        assertThat(recovered.path("requestedBy").asText()).isEqualTo("approver");
        assertThat(recovered.path("approvedBy").asText()).isEqualTo("approver-2");
        assertThat(system.launches(seq, servers).values()).containsOnly(1);

        // Each service's audit trail has these requests, with who, what and the outcome (a refusal by role is
        // written just after its answer, so this waits for it).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(audit(system, Component.PLAN, "viewer")).contains("POST " + plan + " 403 REFUSED");
            assertThat(audit(system, Component.PLAN, "drill-operator"))
                    .contains("POST " + plan + " 202 ACCEPTED", "POST " + plan + " 403 REFUSED");
            assertThat(audit(system, Component.PLAN, "approver")).contains("POST " + plan + " 202 ACCEPTED");
            String approve = "/executions/" + recovery + "/approve";
            assertThat(audit(system, Component.EXECUTION, "approver")).contains("POST " + approve + " 403 REFUSED");
            assertThat(audit(system, Component.EXECUTION, "recovery-operator"))
                    .contains("POST " + approve + " 403 REFUSED");
            assertThat(audit(system, Component.EXECUTION, "approver-2")).contains("POST " + approve + " 200 ACCEPTED");
            assertThat(audit(system, Component.CATALOG, "planner"))
                    .anyMatch(e -> e.startsWith("POST /protection-groups 201"));
            assertThat(audit(system, Component.DRS_ADAPTER, "admin")).contains("POST /drs/accounts/sync 200 ACCEPTED");
            assertThat(audit(system, Component.NOTIFIER, "planner")).contains("POST /subscriptions 201 ACCEPTED");
        });
        // The audit trail is for administrators.
        assertThat(system.users
                        .rest("viewer")
                        .get(system.estate.url(Component.PLAN, "/audit"))
                        .status())
                .isEqualTo(403);
    }

    /** "METHOD path status outcome" of each audit entry of {@code actor} at a service, newest first. */
    private static List<String> audit(TheSystem system, Component service, String actor) {
        List<String> entries = new ArrayList<>();
        system.users
                .rest("admin")
                .get(system.estate.url(
                        service, "/audit?limit=500&actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8)))
                .expect(200)
                .json()
                .path("items")
                .forEach(e -> entries.add(e.path("method").asText() + " "
                        + e.path("path").asText() + " " + e.path("status").asInt() + " "
                        + e.path("outcome").asText()));
        return entries;
    }
}
