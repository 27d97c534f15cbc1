package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ACCOUNT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 5: a 250-server wave within DRS's quotas, and a cancel in the middle of it. */
@ExtendWith(TheSystem.Extension.class)
class LargeWaveIT {

    private TheSystem system;
    private JsonNode quotas;

    @AfterEach
    void restore() {
        if (system != null) {
            system.devstack.quotas(quotas);
            system.fastLaunches();
        }
    }

    @Test
    void a250ServerWaveIsSplitIntoJobsWithinTheQuotasAndACancelStopsTheWavesAfterIt(TheSystem system) {
        this.system = system;
        this.quotas = system.devstack.quotas();
        // DRS refuses more than 100 servers a job and (here) more than 200 servers in active jobs.
        ObjectNode strict =
                ((ObjectNode) quotas.deepCopy()).put("serversPerJob", 100).put("serversInActiveJobs", 200);
        system.devstack.quotas(strict);
        // Launches of 1.5-3 s: the wave is still running when the cancel comes.
        system.devstack.timings(100, 50, 1500, 3000);

        List<Server> servers = system.synced(system.fleet("big-", 255, List.of(ACCOUNT_B), List.of("app")));
        List<Server> first = servers.subList(0, 250);
        List<Server> second = servers.subList(250, 255);
        String big = system.group("big-wave", first);
        String small = system.group("after-big-wave", second);
        String planId = system.estate.plan(
                TheSystem.plan(
                        "big-wave-drill",
                        600,
                        Estate.wave("big", 1, "FAIL_FAST", List.of(big)),
                        Estate.wave("after", 2, "FAIL_FAST", List.of(small))),
                Duration.ofSeconds(30));
        long seq = system.devstack.lastCall();
        String id = system.estate.execute(planId, "DRILL", "system test: 250 servers");

        // Three jobs: 100 + 100 at once, the last 50 once a job ends and frees the quota.
        List<JsonNode> calls = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> system.startRecoveries(seq, first),
                        c -> c.stream()
                                        .mapToInt(x -> TheSystem.serversOf(x).size())
                                        .sum()
                                >= 250);
        assertThat(calls).extracting(c -> TheSystem.serversOf(c).size()).containsExactly(100, 100, 50);
        assertThat(calls).allSatisfy(c -> assertThat(c.path("outcome").asText()).isEqualTo("OK"));
        assertThat(system.devstack.calls(null, seq))
                .as("no DRS call was refused for a quota")
                .noneSatisfy(c -> assertThat(c.path("outcome").asText()).contains("Quota"));

        // Cancel while the wave is still launching.
        JsonNode running = system.estate.execution(id).orElseThrow();
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("waves").get(0).path("status").asText()).isEqualTo("RUNNING");
        // A drill is the drill-operator's to stop.
        system.estate.as("drill-operator").control(id, "cancel", "system test: stop after the big wave");
        JsonNode cancelled = system.awaitStatus(id, "CANCELLED", Duration.ofSeconds(20));
        assertThat(cancelled.path("endedBy").asText()).isEqualTo("drill-operator");
        assertThat(cancelled.path("waves").get(1).path("status").asText()).isEqualTo("CANCELLED");
        // The wave after it never launches, even once the big wave's jobs have ended.
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(8))
                .until(() -> system.startRecoveries(seq, second).isEmpty());
        assertThat(system.launches(seq, first).values()).containsOnly(1);
    }
}
