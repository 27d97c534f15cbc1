package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ACCOUNT_A;
import static dev.drsorchestrator.systemtests.TheSystem.TIERS;
import static dev.drsorchestrator.systemtests.TheSystem.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.NotificationInbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 4: a critical server that fails to launch, under FAIL_FAST and under CONTINUE. */
@ExtendWith(TheSystem.Extension.class)
class FailurePolicyIT {

    private TheSystem system;

    @AfterEach
    void noMoreFailures() {
        if (system != null) {
            system.devstack.failServers(List.of());
        }
    }

    @Test
    void underFailFastAFailedCriticalServerStopsTheRecoveryAndNotifiesCritical(TheSystem system) {
        this.system = system;
        Recovery r = recoveryWithAFailingDbServer(system, "ff-", "FAIL_FAST");

        JsonNode failed = system.awaitStatus(r.executionId, "FAILED", Duration.ofSeconds(60));
        JsonNode waves = failed.path("waves");
        assertThat(waves.get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(waves.get(1).path("status").asText()).isNotEqualTo("COMPLETED");
        assertThat(waves.get(2).path("status").asText()).isNotEqualTo("COMPLETED");
        assertThat(failed.path("reason").asText()).contains("db");
        JsonNode bad = server(waves.get(0), r.failing.id());
        assertThat(bad.path("launchStatus").asText()).isEqualTo("FAILED");
        assertThat(bad.path("error").asText()).contains("devstack fault");
        // The later waves never launched.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> system.launches(r.seq, tier(r.servers, "app")).values().stream()
                                .allMatch(n -> n == 0)
                        && system.launches(r.seq, tier(r.servers, "web")).values().stream()
                                .allMatch(n -> n == 0));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(system.notices(r.executionId))
                        .filteredOn(n -> n.detailType().equals("ExecutionFailed"))
                        .singleElement()
                        .satisfies(n -> {
                            assertThat(n.severity()).isEqualTo("CRITICAL");
                            assertThat(n.subject())
                                    .startsWith("RECOVERY of ff-recovery")
                                    .contains("FAILED");
                        }));
    }

    @Test
    void underContinueTheRemainingWavesRunAndTheRecoveryCompletes(TheSystem system) {
        this.system = system;
        Recovery r = recoveryWithAFailingDbServer(system, "cont-", "CONTINUE");

        JsonNode done = system.awaitStatus(r.executionId, "COMPLETED", Duration.ofSeconds(60));
        JsonNode waves = done.path("waves");
        assertThat(waves.get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(waves.get(1).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(waves.get(2).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("counts").path("launched").asInt()).isEqualTo(r.servers.size() - 1);
        assertThat(system.launches(r.seq, r.servers).values()).containsOnly(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(system.notices(r.executionId))
                        .extracting(NotificationInbox.Notice::detailType)
                        .contains("WaveFailed", "ExecutionCompleted"));
        assertThat(system.notices(r.executionId))
                .filteredOn(n -> n.detailType().equals("WaveFailed"))
                .singleElement()
                .satisfies(n -> assertThat(n.severity()).isEqualTo("CRITICAL"));
    }

    private record Recovery(List<Server> servers, Server failing, long seq, String executionId) {}

    /** Six servers in three waves; the first db server's launch fails; a RECOVERY is started. */
    private static Recovery recoveryWithAFailingDbServer(TheSystem system, String prefix, String dbPolicy) {
        List<Server> servers = system.synced(system.fleet(prefix, 6, List.of(ACCOUNT_A), TIERS));
        String db = system.group(prefix + "db", tier(servers, "db"));
        String app = system.group(prefix + "app", tier(servers, "app"));
        String web = system.group(prefix + "web", tier(servers, "web"));
        String planId = system.estate.plan(
                TheSystem.plan(
                        prefix + "recovery",
                        60,
                        Estate.wave("db", 1, dbPolicy, List.of(db)),
                        Estate.wave("app", 2, "FAIL_FAST", List.of(app)),
                        Estate.wave("web", 3, "FAIL_FAST", List.of(web))),
                Duration.ofSeconds(30));
        Server failing = tier(servers, "db").get(0);
        system.devstack.failServers(List.of(failing.id()));
        long seq = system.devstack.lastCall();
        String id = system.estate.execute(planId, "RECOVERY", "system test: " + dbPolicy);
        // The two-person rule: the recovery-operator requested it, an approver lets it start.
        system.awaitStatus(id, "AWAITING_APPROVAL", Duration.ofSeconds(30));
        system.estate.control(id, "approve", "system test: approved by a second person");
        return new Recovery(servers, failing, seq, id);
    }

    private static JsonNode server(JsonNode wave, String id) {
        for (JsonNode s : wave.path("servers")) {
            if (s.path("sourceServerId").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no server " + id + " in wave " + wave);
    }
}
