package dev.drsorchestrator.catalog;

import static dev.drsorchestrator.kit.testing.EventBus.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.catalog.application.InventoryIngest;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The catalog at the size the issue names: 10,000 servers and 500 groups (10 account/region scopes of 1,000 servers
 * and 50 selector groups each). Prints how long the inventory takes to load and how long filtered lists take.
 * Not part of the build: {@code ./mvnw -pl catalog-service verify -Dbenchmark.skip=none -Dtest=CatalogBenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class CatalogBenchmark {

    static final String[] TIERS = {"db", "app", "web", "cache", "batch"};
    static final int SCOPES = 10;
    static final int SERVERS_PER_SCOPE = 1000;
    static final String REGION = "eu-west-1";

    @Inject
    InventoryIngest ingest;

    @Test
    void tenThousandServersAndFiveHundredGroups() {
        List<String> accounts = new ArrayList<>();
        String sampleGroup = null;
        long t0 = System.nanoTime();
        for (int a = 0; a < SCOPES; a++) {
            String account = Fixtures.account();
            accounts.add(account);
            for (int app = 0; app < 10; app++) {
                for (String tier : TIERS) {
                    String id = given().contentType(ContentType.JSON)
                            .body(json(
                                    "name",
                                    "app-" + app + "-" + tier,
                                    "accountId",
                                    account,
                                    "region",
                                    REGION,
                                    "tagSelector",
                                    Map.of("App", List.of("app-" + app), "Tier", List.of(tier))))
                            .post("/protection-groups")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    sampleGroup = sampleGroup == null ? id : sampleGroup;
                }
            }
        }
        long groupsMs = (System.nanoTime() - t0) / 1_000_000;

        long t1 = System.nanoTime();
        Instant now = Instant.now();
        for (String account : accounts) {
            List<SourceServerState> servers = new ArrayList<>();
            for (int i = 0; i < SERVERS_PER_SCOPE; i++) {
                SourceServerId id = Fixtures.server();
                ReplicationState state = i % 17 == 0 ? ReplicationState.STALLED : ReplicationState.CONTINUOUS;
                servers.add(Fixtures.state(
                        id,
                        String.format("host-%04d", i),
                        Map.of("App", "app-" + (i % 11), "Tier", TIERS[i % TIERS.length]),
                        state,
                        (long) (i % 600)));
            }
            String syncId = "sync-" + UUID.randomUUID();
            int chunks = SERVERS_PER_SCOPE / SourceServerInventoryChanged.MAX_SERVERS_PER_CHUNK;
            for (int c = 0; c < chunks; c++) {
                List<SourceServerState> chunk = servers.subList(
                        c * SourceServerInventoryChanged.MAX_SERVERS_PER_CHUNK,
                        (c + 1) * SourceServerInventoryChanged.MAX_SERVERS_PER_CHUNK);
                SourceServerInventoryChanged sync = new SourceServerInventoryChanged(
                        AccountId.of(account), REGION, InventorySyncType.FULL, syncId, c + 1, chunks, now, chunk);
                EventMetadata metadata = EventBus.metadata();
                ingest.apply(sync, metadata, new ConsumedEvent(metadata.eventId(), "SourceServerInventoryChanged"));
            }
        }
        long ingestMs = (System.nanoTime() - t1) / 1_000_000;

        String account = accounts.get(SCOPES / 2);
        int total = given().queryParam("accountId", account)
                .queryParam("region", REGION)
                .queryParam("limit", 500)
                .get("/source-servers")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
        assertThat(total).isEqualTo(500);
        String group = sampleGroup;
        String report = String.join(
                "\n",
                "catalog at 10,000 servers / 500 groups:",
                "  create 500 selector groups (empty inventory): " + groupsMs + " ms",
                "  ingest 10,000 servers (50 chunks, with membership): " + ingestMs + " ms",
                "  GET /source-servers?accountId&region&replicationState=STALLED (limit 50): "
                        + median(() -> given().queryParam("accountId", account)
                                .queryParam("region", REGION)
                                .queryParam("replicationState", "STALLED")
                                .get("/source-servers")),
                "  GET /source-servers?accountId&region&tag=Tier:db (limit 50): "
                        + median(() -> given().queryParam("accountId", account)
                                .queryParam("region", REGION)
                                .queryParam("tag", "Tier:db")
                                .get("/source-servers")),
                "  GET /source-servers?accountId&region&unassigned=true (limit 50): "
                        + median(() -> given().queryParam("accountId", account)
                                .queryParam("region", REGION)
                                .queryParam("unassigned", true)
                                .get("/source-servers")),
                "  GET /source-servers?hostnamePrefix=host-09 (all 10 scopes, limit 50): "
                        + median(() ->
                                given().queryParam("hostnamePrefix", "host-09").get("/source-servers")),
                "  GET /source-servers (no filter, limit 500): "
                        + median(() -> given().queryParam("limit", 500).get("/source-servers")),
                "  GET /protection-groups?accountId&region (limit 50): "
                        + median(() -> given().queryParam("accountId", account)
                                .queryParam("region", REGION)
                                .get("/protection-groups")),
                "  GET /protection-groups/{id}/readiness: "
                        + median(() -> given().get("/protection-groups/" + group + "/readiness")));
        System.out.println(report);
    }

    private static String median(Supplier<io.restassured.response.Response> call) {
        long[] ms = new long[21];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            call.get().then().statusCode(200);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return "median " + ms[ms.length / 2] + " ms, max " + ms[ms.length - 1] + " ms";
    }
}
