package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ACCOUNT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Rest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 3: a drill on a schedule, fired through devstack's EventBridge Scheduler and delivered twice. */
@ExtendWith(TheSystem.Extension.class)
class ScheduledDrillIT {

    @Test
    void aScheduledDrillDeliveredTwiceRunsOnce(TheSystem system) {
        List<Server> servers = system.synced(system.fleet("sched-", 3, List.of(ACCOUNT_A), List.of("app")));
        String planId = system.oneWavePlan("weekly-drill", servers);
        JsonNode schedule = system.rest
                .put(
                        system.estate.url(Component.PLAN, "/recovery-plans/" + planId + "/drill-schedule"),
                        Rest.object()
                                .put("expression", "cron(0 3 ? * SUN *)")
                                .put("timezone", "Europe/Berlin")
                                .put("comment", "the weekly drill"))
                .expect(200)
                .json();
        long seq = system.devstack.lastCall();

        // EventBridge Scheduler delivers at least once: the same firing (one execution id) arrives twice.
        system.devstack.fireSchedule(
                "drs-orchestrator", schedule.path("scheduleName").asText(), 2);

        JsonNode started = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> system.executionsOf(planId).get(0), e -> true);
        String id = started.path("executionId").asText();
        assertThat(started.path("executionType").asText()).isEqualTo("DRILL");
        assertThat(started.path("trigger").path("type").asText()).isEqualTo("SCHEDULE");
        system.awaitStatus(id, "COMPLETED", Duration.ofSeconds(60));

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> system.executionsOf(planId).size() == 1);
        assertThat(system.launches(seq, servers).values()).containsOnly(1);
        List<String> outcomes = new ArrayList<>();
        system.rest
                .get(system.estate.url(Component.PLAN, "/recovery-plans/" + planId + "/activations"))
                .expect(200)
                .json()
                .path("items")
                .forEach(a -> outcomes.add(
                        a.path("kind").asText() + " " + a.path("outcome").asText()));
        assertThat(outcomes).containsExactly("SCHEDULE REQUESTED");
        assertThat(system.devstack.firings())
                .filteredOn(f -> f.path("scheduleArn")
                        .asText()
                        .endsWith(schedule.path("scheduleName").asText()))
                .singleElement()
                .satisfies(f -> assertThat(f.path("deliveries").asInt()).isEqualTo(2));
    }
}
