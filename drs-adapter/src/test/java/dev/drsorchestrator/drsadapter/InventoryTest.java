package dev.drsorchestrator.drsadapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class InventoryTest extends DevstackTest {

    private static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333");

    @Test
    void threeThousandServersOverThreeAccountsAreSyncedInChunksUnder256KbThenOnlyChangesGoOut() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> fleet =
                drs.generateFleet(new DrsSimulator.FleetSpec(3000, ACCOUNTS, devstack.region(), null, 0.1, "inv-"));
        assertThat(fleet).hasSize(3000);

        given().when().post("/drs/accounts/sync").then().statusCode(200);
        List<SourceServerInventoryChanged> first = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> inventoryOf(ACCOUNTS),
                        events -> events.stream()
                                        .mapToInt(e -> e.servers().size())
                                        .sum()
                                >= 3000);
        assertThat(first).allMatch(e -> e.syncType() == InventorySyncType.FULL);
        assertThat(first).allMatch(e -> e.servers().size() <= SourceServerInventoryChanged.MAX_SERVERS_PER_CHUNK);
        for (SourceServerInventoryChanged e : first) {
            int bytes = EventCodec.writeJson(e).getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes)
                    .as("chunk %d/%d of %s", e.chunkIndex(), e.chunkCount(), e.accountId())
                    .isLessThan(256 * 1024 - 2048);
        }
        Map<String, Integer> perAccount = first.stream()
                .collect(Collectors.groupingBy(
                        e -> e.accountId().value(),
                        Collectors.summingInt(e -> e.servers().size())));
        assertThat(perAccount)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("111111111111", 1000, "222222222222", 1000, "333333333333", 1000));
        // Each account's chunks are one complete, numbered set.
        first.stream()
                .collect(Collectors.groupingBy(e -> e.accountId().value()))
                .forEach((account, chunks) -> {
                    assertThat(chunks)
                            .extracting(SourceServerInventoryChanged::chunkIndex)
                            .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(
                                            1, chunks.get(0).chunkCount())
                                    .boxed()
                                    .toList());
                    assertThat(chunks)
                            .extracting(SourceServerInventoryChanged::syncId)
                            .containsOnly(chunks.get(0).syncId());
                });
        // DRS was read in each account with that account's credentials (assumed roles).
        Set<String> readIn = calls("DescribeSourceServers").stream()
                .map(CallLog.Call::account)
                .collect(Collectors.toSet());
        assertThat(readIn).containsAll(ACCOUNTS);
        assertThat(calls("DescribeSourceServers").stream().filter(c -> ACCOUNTS.contains(c.account())))
                .allMatch(c -> !c.request().path("filters").has("sourceServerIDs"));

        given().when()
                .get("/drs/accounts")
                .then()
                .statusCode(200)
                .body("items.find { it.accountId == '222222222222' }.reachable", equalTo(true))
                .body("items.find { it.accountId == '222222222222' }.serverCount", equalTo(1000))
                .body(
                        "items.find { it.accountId == '222222222222' }.roleArn",
                        equalTo("arn:aws:iam::222222222222:role/drs-orchestrator"));

        // Nothing changed: nothing is published. One server stalls: only it goes out, as a PARTIAL sync.
        int before = first.size();
        given().when()
                .post("/drs/accounts/sync")
                .then()
                .statusCode(200)
                .body("find { it.scope.accountId == '111111111111' }.published", equalTo(0));
        String stalled = fleet.stream()
                .filter(s -> s.path("arn").asText().contains(":111111111111:")
                        && s.path("dataReplicationInfo")
                                .path("dataReplicationState")
                                .asText()
                                .equals("CONTINUOUS"))
                .findFirst()
                .orElseThrow()
                .path("sourceServerID")
                .asText();
        drs.setReplication(stalled, "STALLED", null);
        given().when().post("/drs/accounts/sync").then().statusCode(200);
        SourceServerInventoryChanged partial = bus.awaitEvent(
                SourceServerInventoryChanged.class,
                e -> e.syncType() == InventorySyncType.PARTIAL
                        && e.accountId().value().equals("111111111111"));
        assertThat(partial.servers()).singleElement().satisfies(s -> {
            assertThat(s.sourceServerId().value()).isEqualTo(stalled);
            assertThat(s.replicationState()).isEqualTo(ReplicationState.STALLED);
        });
        assertThat(inventoryOf(ACCOUNTS)).hasSize(before + 1);
    }

    /**
     * Each chunk once: delivery is at least once (the outbox sweep may publish a chunk the fast path is still
     * publishing), and consumers dedupe, so the test counts chunks, not deliveries.
     */
    private List<SourceServerInventoryChanged> inventoryOf(List<String> accounts) {
        Map<String, SourceServerInventoryChanged> chunks = new java.util.LinkedHashMap<>();
        for (SourceServerInventoryChanged e : bus.all(
                SourceServerInventoryChanged.class,
                e -> accounts.contains(e.accountId().value()))) {
            chunks.putIfAbsent(e.accountId().value() + "#" + e.syncId() + "#" + e.chunkIndex(), e);
        }
        return List.copyOf(chunks.values());
    }
}
