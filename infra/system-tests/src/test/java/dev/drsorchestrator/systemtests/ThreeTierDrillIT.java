package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ACCOUNT_A;
import static dev.drsorchestrator.systemtests.TheSystem.TIERS;
import static dev.drsorchestrator.systemtests.TheSystem.ids;
import static dev.drsorchestrator.systemtests.TheSystem.serversOf;
import static dev.drsorchestrator.systemtests.TheSystem.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.NotificationInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 1: a 3-tier drill from groups to cleanup, through every service. */
@ExtendWith(TheSystem.Extension.class)
class ThreeTierDrillIT {

    @Test
    void aThreeTierDrillRunsItsWavesInOrderLaunchesEachServerOnceNotifiesAndIsCleanedUpAfterItsTtl(TheSystem system) {
        List<Server> servers = system.synced(system.fleet("drill-", 9, List.of(ACCOUNT_A), TIERS));
        String db = system.group("drill-db", tier(servers, "db"));
        String app = system.group("drill-app", tier(servers, "app"));
        String web = system.group("drill-web", tier(servers, "web"));
        // Drill TTL 3 "minutes": 3 seconds with the system tests' execution.drill-ttl-unit.
        String planId = system.estate.plan(
                TheSystem.plan(
                        "three-tier-drill",
                        3,
                        Estate.wave("db", 1, "FAIL_FAST", List.of(db)),
                        Estate.wave("app", 2, "FAIL_FAST", List.of(app)),
                        Estate.wave("web", 3, "FAIL_FAST", List.of(web))),
                Duration.ofSeconds(30));
        long seq = system.devstack.lastCall();

        String id = system.estate.execute(planId, "DRILL", "system test: three tiers");
        JsonNode done = system.awaitStatus(id, "COMPLETED", Duration.ofSeconds(60));

        // Three waves in order: each started after the one before ended.
        JsonNode waves = done.path("waves");
        assertThat(waves).extracting(w -> w.path("waveId").asText()).containsExactly("db", "app", "web");
        assertThat(waves).allSatisfy(w -> assertThat(w.path("status").asText()).isEqualTo("COMPLETED"));
        for (int i = 1; i < 3; i++) {
            assertThat(Instant.parse(waves.get(i).path("startedAt").asText()))
                    .isAfterOrEqualTo(
                            Instant.parse(waves.get(i - 1).path("endedAt").asText()));
        }
        assertThat(done.path("counts").path("launched").asInt()).isEqualTo(9);

        // DRS: each server launched exactly once, as a drill, tier by tier.
        assertThat(system.launches(seq, servers).values()).containsOnly(1);
        List<JsonNode> calls = system.startRecoveries(seq, servers);
        assertThat(calls)
                .allSatisfy(c -> assertThat(c.path("request").path("isDrill").asBoolean())
                        .isTrue());
        assertThat(calls).extracting(c -> tierOf(servers, serversOf(c).get(0))).containsExactly("db", "app", "web");

        // Notifications: the start, each wave, the completion.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(system.notices(id))
                        .extracting(NotificationInbox.Notice::detailType)
                        .contains("ExecutionStarted", "ExecutionCompleted")
                        .filteredOn("WaveCompleted"::equals)
                        .hasSize(3));
        assertThat(system.notices(id))
                .filteredOn(n -> n.detailType().equals("ExecutionCompleted"))
                .singleElement()
                .satisfies(n -> assertThat(n.subject())
                        .contains("DRILL of three-tier-drill")
                        .contains("9/9"));

        // After the TTL: the drill's instances are terminated, through drs-adapter and DRS.
        assertThat(done.path("cleanup").path("status").asText()).isEqualTo("SCHEDULED");
        JsonNode cleaned = system.awaitExecution(
                id,
                Duration.ofSeconds(30),
                e -> e.path("cleanup").path("status").asText().equals("REPORTED"));
        assertThat(cleaned.path("cleanup").path("terminated")).hasSize(9);
        assertThat(Instant.parse(cleaned.path("cleanup").path("requestedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(done.path("endedAt").asText()).plusSeconds(3));
        Set<String> left = new HashSet<>();
        system.devstack.recoveryInstances().stream()
                .filter(i -> ids(servers).contains(i.path("sourceServerID").asText()))
                .forEach(i -> left.add(i.path("recoveryInstanceID").asText()));
        assertThat(left).as("drill instances left after the cleanup").isEmpty();
        Set<String> terminated = new HashSet<>();
        cleaned.path("cleanup").path("terminated").forEach(t -> terminated.add(t.asText()));
        assertThat(system.devstack.calls("TerminateRecoveryInstances", seq).stream()
                        .filter(c -> intersects(c.path("request").path("recoveryInstanceIDs"), terminated)))
                .as("one TerminateRecoveryInstances for this drill's instances")
                .hasSize(1);
    }

    private static boolean intersects(JsonNode ids, Set<String> set) {
        for (JsonNode id : ids) {
            if (set.contains(id.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String tierOf(List<Server> servers, String id) {
        return servers.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow()
                .tier();
    }
}
