package dev.drsorchestrator.systemtests;

import static dev.drsorchestrator.systemtests.TheSystem.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.LocalSystem;
import dev.drsorchestrator.local.Rest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 7: the way back. An EC2-origin estate recovered across Regions, reprotected and failed back to its origin
 * Region (and its recovery instances terminated once a person confirms); an on-premises failback that waits for each
 * server's DRS Failback Client; and a ransomware recovery to the latest snapshot before a given time.
 *
 * <p>The servers are in a fleet account, reached through its role ({@code drs.accounts}); the role is configured
 * with the recovery Region and drs-adapter uses it in the origin Region too.
 */
@ExtendWith(TheSystem.Extension.class)
class FailbackIT {

    private static final String ACCOUNT = LocalSystem.FLEET_ACCOUNTS.get(0);
    private static final String RECOVERY_REGION = LocalSystem.REGION;
    private static final String ORIGIN_REGION = "us-west-2";

    @Test
    void anEc2OriginEstateIsRecoveredReprotectedAndFailedBackToItsOriginRegionWaveByWaveInReverse(TheSystem system) {
        List<Server> servers = system.synced(servers(system, "fbx-", List.of("db", "app", "web"), ORIGIN_REGION));
        Map<String, Server> byTier = new LinkedHashMap<>();
        servers.forEach(s -> byTier.put(s.tier(), s));
        String db = system.group("fbx-db", List.of(byTier.get("db")));
        String app = system.group("fbx-app", List.of(byTier.get("app")));
        String web = system.group("fbx-web", List.of(byTier.get("web")));
        String planId = system.estate.plan(
                TheSystem.plan(
                        "fbx-round-trip",
                        60,
                        Estate.wave("db", 1, "FAIL_FAST", List.of(db)),
                        Estate.wave("app", 2, "FAIL_FAST", List.of(app)),
                        Estate.wave("web", 3, "FAIL_FAST", List.of(web))),
                Duration.ofSeconds(30));

        // RECOVERY to us-east-1, approved by a second person.
        String recovery = system.approvedRecovery(planId, null);
        JsonNode recovered = system.awaitStatus(recovery, "COMPLETED", Duration.ofSeconds(60));
        Map<String, String> instanceOf = instances(recovered);
        assertThat(instanceOf).containsOnlyKeys(ids(servers));
        assertThat(instanceOf.values()).doesNotContainNull().doesNotHaveDuplicates();

        // REPROTECT: ReverseReplication of each recovery instance in the recovery Region, the reversed servers in
        // us-west-2 followed until CONTINUOUS.
        long reprotectSeq = system.devstack.lastCall();
        String reprotect = system.estate.execute(planId, "REPROTECT", "system test: reprotect towards us-west-2");
        JsonNode reprotected = system.awaitStatus(reprotect, "COMPLETED", Duration.ofSeconds(60));
        List<JsonNode> reprotectServers = TheSystem.servers(reprotected);
        assertThat(reprotectServers).hasSize(3);
        assertThat(reprotectServers)
                .allSatisfy(s -> assertThat(s.path("failback").path("status").asText())
                        .as("failback.status of %s", s)
                        .isEqualTo("COMPLETED"));
        Map<String, String> reversedOf = new HashMap<>();
        for (JsonNode s : reprotectServers) {
            JsonNode f = s.path("failback");
            assertThat(f.path("returnFromInstanceId").asText())
                    .isEqualTo(instanceOf.get(s.path("sourceServerId").asText()));
            String arn = f.path("reversedSourceServerArn").asText();
            assertThat(arn).startsWith("arn:aws:drs:" + ORIGIN_REGION + ":" + ACCOUNT + ":source-server/");
            reversedOf.put(s.path("sourceServerId").asText(), arn.substring(arn.lastIndexOf('/') + 1));
        }
        long failbackSeq = system.devstack.lastCall();
        List<JsonNode> reverseOnReprotect = between(system, "ReverseReplication", reprotectSeq, failbackSeq);
        assertThat(reverseOnReprotect)
                .allSatisfy(c -> assertThat(c.path("region").asText()).isEqualTo(RECOVERY_REGION));
        assertThat(reverseOnReprotect)
                .filteredOn(c -> c.path("outcome").asText().equals("OK"))
                .extracting(c -> c.path("request").path("recoveryInstanceID").asText())
                .as("one ReverseReplication per recovery instance")
                .containsExactlyInAnyOrderElementsOf(instanceOf.values());

        // FAILBACK, approved: StartRecovery of the reversed servers in us-west-2, web, then app, then db.
        String failback = system.estate.execute(planId, "FAILBACK", "system test: back to us-west-2");
        system.awaitStatus(failback, "AWAITING_APPROVAL", Duration.ofSeconds(30));
        system.estate.control(failback, "approve", "system test: the origin Region is back");
        JsonNode failedBack = system.awaitStatus(failback, "COMPLETED", Duration.ofSeconds(90));
        assertThat(failedBack.path("waves"))
                .extracting(w -> w.path("waveId").asText())
                .containsExactly("web", "app", "db");
        assertThat(TheSystem.servers(failedBack))
                .allSatisfy(s -> assertThat(s.path("failback").path("status").asText())
                        .as("failback.status of %s", s)
                        .isEqualTo("COMPLETED"));

        List<JsonNode> starts = system.devstack.calls("StartRecovery", failbackSeq);
        assertThat(starts).as("every StartRecovery of the failback").allSatisfy(c -> {
            assertThat(c.path("region").asText()).isEqualTo(ORIGIN_REGION);
            assertThat(c.path("account").asText()).isEqualTo(ACCOUNT);
            assertThat(c.path("outcome").asText()).isEqualTo("OK");
            assertThat(c.path("request").path("isDrill").asBoolean(true)).isFalse();
        });
        Map<String, Long> launchedAt = new HashMap<>();
        List<String> launched = new ArrayList<>();
        for (JsonNode c : starts) {
            for (String id : TheSystem.serversOf(c)) {
                launched.add(id);
                launchedAt.put(id, c.path("seq").asLong());
            }
        }
        assertThat(launched)
                .as("StartRecovery of exactly the reversed servers, each once")
                .containsExactlyInAnyOrderElementsOf(reversedOf.values());
        String dbId = byTier.get("db").id();
        String appId = byTier.get("app").id();
        String webId = byTier.get("web").id();
        assertThat(launchedAt.get(reversedOf.get(webId)))
                .as("web before app")
                .isLessThan(launchedAt.get(reversedOf.get(appId)));
        assertThat(launchedAt.get(reversedOf.get(appId)))
                .as("app before db")
                .isLessThan(launchedAt.get(reversedOf.get(dbId)));

        // Restore: ReverseReplication of each failed-back instance in us-west-2; never StartFailbackLaunch.
        Set<String> failedBackInstances = new HashSet<>();
        system.devstack.recoveryInstances().stream()
                .filter(i -> reversedOf.containsValue(i.path("sourceServerID").asText()))
                .forEach(i ->
                        failedBackInstances.add(i.path("recoveryInstanceID").asText()));
        assertThat(failedBackInstances).hasSize(3);
        List<JsonNode> reverseOnFailback = system.devstack.calls("ReverseReplication", failbackSeq);
        assertThat(reverseOnFailback)
                .allSatisfy(c -> assertThat(c.path("region").asText()).isEqualTo(ORIGIN_REGION));
        assertThat(reverseOnFailback)
                .filteredOn(c -> c.path("outcome").asText().equals("OK"))
                .extracting(c -> c.path("request").path("recoveryInstanceID").asText())
                .as("one ReverseReplication per failed-back instance")
                .containsExactlyInAnyOrderElementsOf(failedBackInstances);
        assertThat(reverseOnFailback)
                .allSatisfy(c -> assertThat(c.path("seq").asLong())
                        .isGreaterThan(launchedAt.get(reversedOfInstance(system, c))));
        assertThat(system.devstack.calls("StartFailbackLaunch", reprotectSeq)).isEmpty();

        // The recovery-Region instances are terminated once a recovery-operator confirms.
        assertThat(failedBack.path("cleanup").path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(system.devstack.calls("TerminateRecoveryInstances", failbackSeq))
                .as("nothing terminated before the confirmation")
                .noneMatch(c -> intersects(c.path("request").path("recoveryInstanceIDs"), instanceOf.values()));
        long cleanupSeq = system.devstack.lastCall();
        system.estate.control(failback, "cleanup", "system test: the failback is confirmed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> terminated = new ArrayList<>();
            system.devstack.calls("TerminateRecoveryInstances", cleanupSeq).stream()
                    .filter(c -> c.path("outcome").asText().equals("OK"))
                    .forEach(c -> {
                        assertThat(c.path("region").asText()).isEqualTo(RECOVERY_REGION);
                        c.path("request").path("recoveryInstanceIDs").forEach(i -> terminated.add(i.asText()));
                    });
            assertThat(terminated).containsExactlyInAnyOrderElementsOf(instanceOf.values());
        });
    }

    @Test
    void anOnPremisesFailbackWaitsForEachServersFailbackClient(TheSystem system) {
        List<Server> servers = system.synced(servers(system, "fbo-", List.of("app", "app"), null));
        String planId = system.oneWavePlan("fbo-on-premises", servers);
        String recovery = system.approvedRecovery(planId, null);
        Map<String, String> instanceOf = instances(system.awaitStatus(recovery, "COMPLETED", Duration.ofSeconds(60)));
        assertThat(instanceOf).containsOnlyKeys(ids(servers));
        Server first = servers.get(0);
        Server second = servers.get(1);

        long seq = system.devstack.lastCall();
        String failback = system.estate.execute(planId, "FAILBACK", "system test: back on premises");
        system.awaitStatus(failback, "AWAITING_APPROVAL", Duration.ofSeconds(30));
        system.estate.control(failback, "approve", "system test: the data center is back");

        // No client connected: RUNNING, each server waiting for its Failback Client, no failback launch.
        JsonNode waiting = system.awaitExecution(
                failback,
                Duration.ofSeconds(30),
                e -> TheSystem.servers(e).size() == 2
                        && TheSystem.servers(e).stream()
                                .allMatch(s ->
                                        s.path("failback").path("step").asText().equals("FAILBACK_CLIENT")));
        assertThat(waiting.path("status").asText()).isEqualTo("RUNNING");
        for (JsonNode s : TheSystem.servers(waiting)) {
            assertThat(s.path("failback").path("detail").asText())
                    .as("what %s waits for", s.path("sourceServerId").asText())
                    .contains("Failback Client")
                    .contains(instanceOf.get(s.path("sourceServerId").asText()));
        }
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> system.devstack.calls("StartFailbackLaunch", seq).isEmpty()
                        && system.estate
                                .execution(failback)
                                .orElseThrow()
                                .path("status")
                                .asText()
                                .equals("RUNNING"));

        // The first client connects: that server fails back, the other still waits.
        connectFailbackClient(system, instanceOf.get(first.id()));
        JsonNode half = system.awaitExecution(
                failback,
                Duration.ofSeconds(30),
                e -> server(e, first.id())
                        .path("failback")
                        .path("status")
                        .asText()
                        .equals("COMPLETED"));
        assertThat(half.path("status").asText()).isEqualTo("RUNNING");
        assertThat(server(half, second.id()).path("failback").path("step").asText())
                .isEqualTo("FAILBACK_CLIENT");
        assertThat(server(half, second.id()).path("failback").path("detail").asText())
                .contains("Failback Client")
                .contains(instanceOf.get(second.id()));

        // The second connects: the failback completes.
        connectFailbackClient(system, instanceOf.get(second.id()));
        JsonNode done = system.awaitStatus(failback, "COMPLETED", Duration.ofSeconds(30));
        assertThat(TheSystem.servers(done))
                .allSatisfy(s ->
                        assertThat(s.path("failback").path("status").asText()).isEqualTo("COMPLETED"));
        List<String> launchedBack = new ArrayList<>();
        system.devstack.calls("StartFailbackLaunch", seq).stream()
                .filter(c -> c.path("outcome").asText().equals("OK"))
                .forEach(c -> c.path("request").path("recoveryInstanceIDs").forEach(i -> launchedBack.add(i.asText())));
        assertThat(launchedBack)
                .as("StartFailbackLaunch named each recovery instance once")
                .containsExactlyInAnyOrderElementsOf(instanceOf.values());
        assertThat(system.devstack.calls("ReverseReplication", seq)).isEmpty();
    }

    @Test
    void aRansomwareRecoveryLaunchesEachServerFromTheLatestSnapshotBeforeTheGivenTime(TheSystem system) {
        List<Server> servers = system.synced(servers(system, "fbr-", List.of("db", "db"), null));
        String planId = system.oneWavePlan("fbr-ransomware", servers);
        Instant latestBefore = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long seq = system.devstack.lastCall();

        ObjectNode point = Rest.object().put("latestBefore", latestBefore.toString());
        String recovery = system.approvedRecovery(planId, point);
        JsonNode done = system.awaitStatus(recovery, "COMPLETED", Duration.ofSeconds(60));

        // What StartRecovery asked DRS for, per server.
        Map<String, String> sent = new HashMap<>();
        for (JsonNode c : system.startRecoveries(seq, servers)) {
            assertThat(c.path("outcome").asText()).isEqualTo("OK");
            assertThat(c.path("request").path("isDrill").asBoolean(true)).isFalse();
            for (JsonNode s : c.path("request").path("sourceServers")) {
                String previous = sent.put(
                        s.path("sourceServerID").asText(),
                        s.path("recoverySnapshotID").asText(null));
                assertThat(previous).as("launched once").isNull();
            }
        }
        assertThat(sent).containsOnlyKeys(ids(servers));
        // Each server's snapshots were listed before its launch.
        Set<String> described = new HashSet<>();
        system.devstack
                .calls("DescribeRecoverySnapshots", seq)
                .forEach(c ->
                        described.add(c.path("request").path("sourceServerID").asText()));
        assertThat(described).containsAll(ids(servers));

        Map<String, Instant> instanceTime = new HashMap<>();
        system.devstack.recoveryInstances().stream()
                .filter(i -> sent.containsKey(i.path("sourceServerID").asText()))
                .forEach(i -> instanceTime.put(
                        i.path("sourceServerID").asText(),
                        OffsetDateTime.parse(
                                        i.path("pointInTimeSnapshotDateTime").asText())
                                .toInstant()));
        for (JsonNode s : TheSystem.servers(done)) {
            String id = s.path("sourceServerId").asText();
            String snapshot = s.path("recoverySnapshotId").asText();
            Instant time = Instant.parse(s.path("recoverySnapshotTime").asText());
            assertThat(snapshot).as("%s's snapshot", id).startsWith("pit-").isEqualTo(sent.get(id));
            // Snapshots are 10 minutes apart: the latest at or before the time is within 10 minutes of it.
            assertThat(time)
                    .as("%s's snapshot time", id)
                    .isBeforeOrEqualTo(latestBefore)
                    .isAfter(latestBefore.minus(10, ChronoUnit.MINUTES));
            assertThat(instanceTime.get(id))
                    .as("DRS's pointInTimeSnapshotDateTime of %s's instance", id)
                    .isEqualTo(time);
        }

        JsonNode report = system.rest
                .get(system.estate.url(Component.EXECUTION, "/executions/" + recovery + "/report"))
                .expect(200)
                .json();
        Map<String, String> reported = new HashMap<>();
        report.path("waves")
                .forEach(w -> w.path("recoveryPoints")
                        .forEach(p -> reported.put(
                                p.path("sourceServerId").asText(),
                                p.path("snapshotId").asText())));
        assertThat(reported).isEqualTo(sent);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** New CONTINUOUS servers in the fleet account, one per tier, from EC2 in {@code originRegion}. */
    private static List<Server> servers(
            TheSystem system, String prefix, List<String> tiers, @Nullable String originRegion) {
        ArrayNode specs = Rest.array();
        for (int i = 0; i < tiers.size(); i++) {
            ObjectNode spec = specs.addObject()
                    .put("hostname", prefix + tiers.get(i) + "-" + (i + 1))
                    .put("account", ACCOUNT)
                    .put("region", RECOVERY_REGION)
                    .put("replicationState", "CONTINUOUS");
            spec.putObject("tags").put("Tier", tiers.get(i));
            if (originRegion != null) {
                spec.putObject("origin").put("type", "EC2").put("region", originRegion);
            }
        }
        List<Server> out = new ArrayList<>();
        new Rest()
                .post(system.local.url(Component.DEVSTACK) + "/_devstack/drs/servers", specs)
                .expect(201)
                .json()
                .forEach(s -> out.add(new Server(
                        s.path("sourceServerID").asText(),
                        s.path("tags").path("Name").asText(),
                        ACCOUNT,
                        s.path("tags").path("Tier").asText(),
                        s.path("dataReplicationInfo")
                                .path("dataReplicationState")
                                .asText())));
        assertThat(out).hasSize(tiers.size());
        return out;
    }

    /** A RECOVERY requested by the recovery-operator (from a recovery point, if any) and approved by an approver. */
    private static void connectFailbackClient(TheSystem system, String recoveryInstanceId) {
        new Rest()
                .post(
                        system.local.url(Component.DEVSTACK) + "/_devstack/drs/recovery-instances/" + recoveryInstanceId
                                + "/failback-client",
                        Rest.object().put("connected", true))
                .expect(200);
    }

    private static JsonNode server(JsonNode execution, String id) {
        return TheSystem.servers(execution).stream()
                .filter(s -> s.path("sourceServerId").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server " + id + " in " + execution));
    }

    /** Each server's recovery instance, as the execution shows it. */
    private static Map<String, String> instances(JsonNode execution) {
        Map<String, String> out = new HashMap<>();
        TheSystem.servers(execution)
                .forEach(s -> out.put(
                        s.path("sourceServerId").asText(),
                        s.path("recoveryInstanceId").asText(null)));
        return out;
    }

    private static List<JsonNode> between(TheSystem system, String operation, long after, long upTo) {
        return system.devstack.calls(operation, after).stream()
                .filter(c -> c.path("seq").asLong() <= upTo)
                .toList();
    }

    /** The reversed server whose failed-back instance a ReverseReplication call names. */
    private static String reversedOfInstance(TheSystem system, JsonNode reverseReplication) {
        String instance =
                reverseReplication.path("request").path("recoveryInstanceID").asText();
        return system.devstack.recoveryInstances().stream()
                .filter(i -> i.path("recoveryInstanceID").asText().equals(instance))
                .map(i -> i.path("sourceServerID").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no recovery instance " + instance));
    }

    private static boolean intersects(JsonNode ids, java.util.Collection<String> set) {
        for (JsonNode id : ids) {
            if (set.contains(id.asText())) {
                return true;
            }
        }
        return false;
    }
}
