package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ACCOUNT_A;
import static dev.drsorchestrator.systemtests.TheSystem.TIERS;
import static dev.drsorchestrator.systemtests.TheSystem.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 6: the execution-service process is killed in the middle of a wave and started again. */
@ExtendWith(TheSystem.Extension.class)
class ExecutionServiceCrashIT {

    private TheSystem system;

    @AfterEach
    void restore() {
        if (system != null) {
            if (!system.local.isRunning(Component.EXECUTION)) {
                system.local.start(Component.EXECUTION);
            }
            system.fastLaunches();
        }
    }

    @Test
    void killedMidWaveTheExecutionCompletesAfterARestartAndNoServerIsLaunchedTwice(TheSystem system) {
        this.system = system;
        // Launches of 2-4 s, so the first wave is still running when the process dies.
        system.devstack.timings(100, 50, 2000, 4000);
        List<Server> servers = system.synced(system.fleet("crash-", 9, List.of(ACCOUNT_A), TIERS));
        String planId = system.estate.plan(
                TheSystem.plan(
                        "crash-drill",
                        600,
                        Estate.wave("db", 1, "FAIL_FAST", List.of(system.group("crash-db", tier(servers, "db")))),
                        Estate.wave("app", 2, "FAIL_FAST", List.of(system.group("crash-app", tier(servers, "app")))),
                        Estate.wave("web", 3, "FAIL_FAST", List.of(system.group("crash-web", tier(servers, "web"))))),
                Duration.ofSeconds(30));
        long seq = system.devstack.lastCall();
        String id = system.estate.execute(planId, "DRILL", "system test: a crash mid-wave");

        // The db wave's DRS job is running: kill -9 the execution-service.
        system.awaitExecution(id, Duration.ofSeconds(30), e -> {
            JsonNode db = e.path("waves").get(0);
            return db.path("status").asText().equals("RUNNING")
                    && db.path("jobs").size() > 0
                    && db.path("counts").path("launched").asInt() == 0;
        });
        system.local.kill(Component.EXECUTION);
        assertThat(system.local.isRunning(Component.EXECUTION)).isFalse();
        // drs-adapter goes on without it: the db servers launch while execution-service is down.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> system.devstack.recoveryInstances().stream()
                                .filter(i -> TheSystem.ids(tier(servers, "db"))
                                        .contains(i.path("sourceServerID").asText()))
                                .count()
                        == 3);

        system.local.start(Component.EXECUTION);
        JsonNode done = system.awaitStatus(id, "COMPLETED", Duration.ofSeconds(90));
        assertThat(done.path("waves"))
                .extracting(w -> w.path("status").asText())
                .containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
        assertThat(done.path("counts").path("launched").asInt()).isEqualTo(9);
        assertThat(system.launches(seq, servers).values())
                .as("StartRecovery per server")
                .containsOnly(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(system.notices(id))
                        .filteredOn(n -> n.detailType().equals("WaveCompleted"))
                        .hasSize(3));
    }
}
