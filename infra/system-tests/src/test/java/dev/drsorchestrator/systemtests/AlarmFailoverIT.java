package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ACCOUNT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Rest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 2: a CloudWatch alarm starts a failover that waits for an operator; a second alarm is held off. */
@ExtendWith(TheSystem.Extension.class)
class AlarmFailoverIT {

    private static final String ALARM = "orders-db-latency";

    @Test
    void anAlarmInApprovalModeWaitsForApprovalRecoversAndASecondAlarmInTheCooldownStartsNothing(TheSystem system) {
        List<Server> servers = system.synced(system.fleet("alarm-", 4, List.of(ACCOUNT_B), List.of("db")));
        String planId = system.oneWavePlan("orders-failover", servers);
        var binding = Rest.array();
        binding.addObject()
                .put("alarmName", ALARM)
                .put("executionType", "RECOVERY")
                .put("mode", "APPROVAL")
                .put("cooldownMinutes", 60);
        system.rest
                .put(system.estate.url(Component.PLAN, "/recovery-plans/" + planId + "/alarm-triggers"), binding)
                .expect(200);
        long seq = system.devstack.lastCall();

        assertThat(system.devstack.alarm(ALARM, "ALARM", "p99 latency above 2 s for 5 minutes"))
                .isTrue();
        JsonNode waiting = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(
                        () -> system.executionsOf(planId).get(0),
                        e -> e.path("status").asText().equals("AWAITING_APPROVAL"));
        String id = waiting.path("executionId").asText();
        assertThat(waiting.path("executionType").asText()).isEqualTo("RECOVERY");
        assertThat(waiting.path("trigger").path("type").asText()).isEqualTo("ALARM");
        assertThat(waiting.path("trigger").path("name").asText()).isEqualTo(ALARM);
        // Nothing launches before an operator approves.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> system.launches(seq, servers).values().stream().allMatch(n -> n == 0));
        // A failover waiting for a human is CRITICAL: someone must decide now.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(system.notices(id))
                        .filteredOn(n -> n.detailType().equals("ExecutionAwaitingApproval"))
                        .singleElement()
                        .satisfies(n -> assertThat(n.severity()).isEqualTo("CRITICAL")));

        system.estate.control(id, "approve", "primary region confirmed down");
        JsonNode done = system.awaitStatus(id, "COMPLETED", Duration.ofSeconds(60));
        assertThat(done.path("approvedBy").asText()).isEqualTo("approver");
        assertThat(system.launches(seq, servers).values()).containsOnly(1);
        assertThat(system.startRecoveries(seq, servers))
                .allSatisfy(c -> assertThat(c.path("request").path("isDrill").asBoolean())
                        .as("a failover is not a drill")
                        .isFalse());

        // The alarm clears and fires again within the 60-minute cooldown: suppressed, nothing starts.
        long after = system.devstack.lastCall();
        assertThat(system.devstack.alarm(ALARM, "OK", "latency back to normal")).isTrue();
        assertThat(system.devstack.alarm(ALARM, "ALARM", "p99 latency above 2 s again"))
                .isTrue();
        JsonNode suppressed = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> system.rest
                                .get(system.estate.url(Component.PLAN, "/recovery-plans/" + planId + "/activations"))
                                .expect(200)
                                .json()
                                .path("items")
                                .get(0),
                        a -> a.path("outcome").asText().equals("SUPPRESSED"));
        assertThat(suppressed.path("cooldownUntil").asText()).isNotBlank();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> system.executionsOf(planId).size() == 1
                        && system.startRecoveries(after, servers).isEmpty());
    }
}
