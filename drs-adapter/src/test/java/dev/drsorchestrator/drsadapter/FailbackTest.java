package dev.drsorchestrator.drsadapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.ServerFailbackState;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.FailbackRun;
import dev.drsorchestrator.drsadapter.domain.FailbackServer;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * REPROTECT and FAILBACK for both origins, and launches from a chosen point in time, against devstack's DRS: what
 * the adapter publishes and the calls the simulator received, in order.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class FailbackTest extends DevstackTest {

    @Inject
    JobStore store;

    private static final String ORIGIN_REGION = "us-west-2";

    @Test
    void anEc2ServerIsReprotectedThenFailedBackInItsOriginRegionAndProtectedAgain() {
        List<ServerSnapshot> servers = servers(2, DrsSimulator.Origin.ec2(ORIGIN_REGION));
        recover(servers);

        ExecutionId reprotect = ExecutionId.random();
        request(wave(reprotect, "db", ExecutionType.REPROTECT, servers, null, null));
        FailbackProgressChanged reprotected = awaitFinal(reprotect, servers.size());
        assertThat(reprotected.servers()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(FailbackStatus.COMPLETED);
            assertThat(s.step()).isEqualTo(FailbackStep.DONE);
            assertThat(s.origin().type()).isEqualTo(ServerOrigin.Type.EC2);
            assertThat(s.reversedSourceServerArn()).contains(":" + ORIGIN_REGION + ":");
        });
        // On the way it was seen syncing, before CONTINUOUS.
        assertThat(progress(reprotect))
                .anyMatch(p -> p.servers().stream().anyMatch(s -> s.step() == FailbackStep.REVERSED_SYNC));
        List<CallLog.Call> reverses = calls("ReverseReplication");
        assertThat(reverses).hasSize(2).allMatch(c -> c.region().equals(devstack.region()));
        Set<String> reversedIds = reprotected.servers().stream()
                .map(s -> s.reversedSourceServerArn()
                        .substring(s.reversedSourceServerArn().lastIndexOf('/') + 1))
                .collect(Collectors.toSet());

        long beforeFailback = lastCall();
        ExecutionId failback = ExecutionId.random();
        request(wave(failback, "db", ExecutionType.FAILBACK, servers, null, FailbackOptions.defaults()));
        FailbackProgressChanged back = awaitFinal(failback, servers.size());
        assertThat(back.servers()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(FailbackStatus.COMPLETED);
            assertThat(s.failedBackInstanceId()).isNotNull();
        });
        List<CallLog.Call> failbackCalls = drs.calls().since(beforeFailback, null);
        List<CallLog.Call> starts = failbackCalls.stream()
                .filter(c -> c.operation().equals("StartRecovery"))
                .toList();
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).region()).isEqualTo(ORIGIN_REGION);
        assertThat(starts.get(0).request().path("isDrill").asBoolean(true)).isFalse();
        assertThat(serversOf(starts.get(0))).containsExactlyInAnyOrderElementsOf(reversedIds);
        assertThat(failbackCalls).noneMatch(c -> c.operation().equals("StartFailbackLaunch"));
        // Then the failed-back instances are protected again in the original direction, after the launch.
        List<CallLog.Call> restores = failbackCalls.stream()
                .filter(c -> c.operation().equals("ReverseReplication"))
                .toList();
        assertThat(restores).hasSize(2).allMatch(c -> c.region().equals(ORIGIN_REGION));
        assertThat(restores).allMatch(c -> c.seq() > starts.get(0).seq());
        // The launch's job is reported under the plan's server ids, in the origin Region.
        List<RecoveryJobStateChanged> jobs =
                bus.all(RecoveryJobStateChanged.class, e -> e.executionId().equals(failback));
        assertThat(jobs).isNotEmpty().allMatch(j -> j.region().equals(ORIGIN_REGION) && !j.drill());
        assertThat(jobs.stream()
                        .flatMap(j -> j.servers().stream())
                        .map(s -> s.sourceServerId().value()))
                .allMatch(ids(servers)::contains);
    }

    @Test
    void aReverseReplicationDecidedBeforeACrashIsFoundInDrsAndNotCalledAgain() {
        List<ServerSnapshot> servers = servers(1, DrsSimulator.Origin.ec2(ORIGIN_REGION));
        Map<String, String> instances = recover(servers);
        ServerSnapshot s = servers.get(0);
        // What a process that died right after its ReverseReplication leaves: the intent written, DRS's answer lost.
        ObjectNode answer = drs.call(
                "ReverseReplication",
                new DrsSimulator.Scope(devstack.account(), devstack.region()),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put(
                                "recoveryInstanceID",
                                instances.get(s.sourceServerId().value())));
        long afterTheCall = lastCall();
        ExecutionId execution = ExecutionId.random();
        FailbackRun run = new FailbackRun();
        run.id = FailbackRun.idOf(execution, WaveId.of("db"), 1);
        run.executionId = execution;
        run.planId = PlanId.random();
        run.waveId = WaveId.of("db");
        run.attempt = 1;
        run.type = ExecutionType.REPROTECT;
        run.options = FailbackOptions.defaults();
        run.createdAt = Instant.now();
        run.nextStepAt = run.createdAt;
        FailbackServer server = new FailbackServer();
        server.sourceServerId = s.sourceServerId();
        server.criticality = Criticality.CRITICAL;
        server.accountId = s.accountId().value();
        server.region = s.region();
        server.origin = new ServerOrigin(ServerOrigin.Type.EC2, null, ORIGIN_REGION, null, null);
        server.recoveryInstanceId =
                RecoveryInstanceId.of(instances.get(s.sourceServerId().value()));
        server.set(FailbackStep.REVERSE_REPLICATION, FailbackStatus.IN_PROGRESS, "calling ReverseReplication");
        server.reverseIntentAt = run.createdAt.minusSeconds(60);
        run.servers = List.of(server);
        store.planFailback(
                "WAVE#" + execution.value() + "#db#1",
                run,
                List.of(),
                new Consumed("test-" + UUID.randomUUID(), "WaveLaunchRequested", 1));

        FailbackProgressChanged done = awaitFinal(execution, 1);
        assertThat(state(done, s.sourceServerId().value()))
                .satisfies(st -> assertThat(st.status()).isEqualTo(FailbackStatus.COMPLETED))
                .satisfies(st -> assertThat(st.reversedSourceServerArn())
                        .isEqualTo(
                                answer.path("reversedDirectionSourceServerArn").asText()));
        assertThat(drs.calls().since(afterTheCall, "ReverseReplication")).isEmpty();
    }

    @Test
    void anOnPremisesFailbackWaitsForEachFailbackClientThenLaunchesIt() {
        List<ServerSnapshot> servers = servers(2, null);
        Map<String, String> instances = recover(servers);

        ExecutionId failback = ExecutionId.random();
        request(wave(failback, "app", ExecutionType.FAILBACK, servers, null, null));
        FailbackProgressChanged waiting = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> latest(failback),
                        p -> p != null && p.servers().stream().allMatch(s -> s.step() == FailbackStep.FAILBACK_CLIENT));
        assertThat(waiting.servers()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(FailbackStatus.WAITING);
            assertThat(s.detail()).contains("Failback Client");
        });
        assertThat(calls("StartFailbackLaunch")).isEmpty();

        String first = servers.get(0).sourceServerId().value();
        drs.connectFailbackClient(instances.get(first));
        FailbackProgressChanged one = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> latest(failback), p -> state(p, first).status() == FailbackStatus.COMPLETED);
        // The second server is still shown as missing its client.
        ServerFailbackState second = state(one, servers.get(1).sourceServerId().value());
        assertThat(second.step()).isEqualTo(FailbackStep.FAILBACK_CLIENT);
        assertThat(second.status()).isEqualTo(FailbackStatus.WAITING);

        drs.connectFailbackClient(instances.get(servers.get(1).sourceServerId().value()));
        FailbackProgressChanged done = awaitFinal(failback, 2);
        assertThat(done.servers())
                .allMatch(
                        s -> s.status() == FailbackStatus.COMPLETED && "FAILBACK_COMPLETED".equals(s.failbackState()));
        List<CallLog.Call> launches = calls("StartFailbackLaunch");
        assertThat(launches).hasSize(2).extracting(CallLog.Call::outcome).containsOnly("OK");
        assertThat(launches.stream()
                        .flatMap(c -> {
                            List<String> ids = new ArrayList<>();
                            c.request().path("recoveryInstanceIDs").forEach(n -> ids.add(n.asText()));
                            return ids.stream();
                        })
                        .toList())
                .containsExactlyInAnyOrderElementsOf(instances.values());
        assertThat(calls("ReverseReplication")).isEmpty();
    }

    @Test
    void aFailbackLaunchThatFailsIsStoppedSoItCanBeRetried() {
        List<ServerSnapshot> servers = servers(1, null);
        Map<String, String> instances = recover(servers);
        String server = servers.get(0).sourceServerId().value();
        drs.faults(new DrsSettings.Faults(Set.of(server), 0, 0, 0, 0, 0, false));

        ExecutionId failback = ExecutionId.random();
        request(wave(failback, "app", ExecutionType.FAILBACK, servers, null, null));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> latest(failback),
                        p -> p != null && state(p, server).step() == FailbackStep.FAILBACK_CLIENT);
        drs.connectFailbackClient(instances.get(server));
        FailbackProgressChanged failed = awaitFinal(failback, 1);
        ServerFailbackState s = state(failed, server);
        assertThat(s.status()).isEqualTo(FailbackStatus.FAILED);
        assertThat(s.detail()).contains("devstack fault").contains("StopFailback");
        assertThat(calls("StopFailback"))
                .singleElement()
                .satisfies(
                        c -> assertThat(c.request().path("recoveryInstanceID").asText())
                                .isEqualTo(instances.get(server)));
    }

    @Test
    void aReprotectOfAnOnPremisesServerAndAFailbackBeforeReprotectAreRejectedWithTheirReasons() {
        List<ServerSnapshot> onPremises = servers(1, null);
        recover(onPremises);
        ExecutionId reprotect = ExecutionId.random();
        request(wave(reprotect, "app", ExecutionType.REPROTECT, onPremises, null, null));
        WaveLaunchRejected wrongOrigin =
                bus.awaitEvent(WaveLaunchRejected.class, e -> e.executionId().equals(reprotect));
        assertThat(wrongOrigin.servers()).singleElement().satisfies(n -> {
            assertThat(n.reason()).isEqualTo(ServerNotReadyReason.WRONG_ORIGIN);
            assertThat(n.detail()).contains("Failback Client");
        });

        List<ServerSnapshot> ec2 = servers(1, DrsSimulator.Origin.ec2(ORIGIN_REGION));
        recover(ec2);
        ExecutionId failback = ExecutionId.random();
        request(wave(failback, "app", ExecutionType.FAILBACK, ec2, null, null));
        WaveLaunchRejected notReprotected =
                bus.awaitEvent(WaveLaunchRejected.class, e -> e.executionId().equals(failback));
        assertThat(notReprotected.servers()).singleElement().satisfies(n -> {
            assertThat(n.reason()).isEqualTo(ServerNotReadyReason.NOT_REPROTECTED);
            assertThat(n.detail()).contains("REPROTECT");
        });

        List<ServerSnapshot> never = servers(1, DrsSimulator.Origin.ec2(ORIGIN_REGION));
        ExecutionId noInstance = ExecutionId.random();
        request(wave(noInstance, "app", ExecutionType.REPROTECT, never, null, null));
        assertThat(bus.awaitEvent(WaveLaunchRejected.class, e -> e.executionId().equals(noInstance))
                        .servers())
                .singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo(ServerNotReadyReason.NO_RECOVERY_INSTANCE));
        assertThat(calls("ReverseReplication")).isEmpty();
        assertThat(calls("StartRecovery").stream()
                        .filter(c -> serversOf(c)
                                .contains(never.get(0).sourceServerId().value())))
                .isEmpty();
    }

    @Test
    void aRecoveryToTheLatestSnapshotBeforeAPointInTimeLaunchesThoseSnapshots() {
        List<ServerSnapshot> servers = servers(2, null);
        Instant before = Instant.now().minus(Duration.ofMinutes(35));
        ExecutionId execution = ExecutionId.random();
        request(wave(execution, "db", ExecutionType.RECOVERY, servers, new RecoveryPoint(before, List.of()), null));
        WaveLaunchAccepted accepted =
                bus.awaitEvent(WaveLaunchAccepted.class, e -> e.executionId().equals(execution));
        assertThat(accepted.recoveryPoints()).hasSize(2).allSatisfy(p -> {
            assertThat(p.snapshotTime()).isBeforeOrEqualTo(before);
            assertThat(p.snapshotTime()).isAfter(before.minus(Duration.ofMinutes(11)));
        });
        awaitCompleted(execution, 2);
        CallLog.Call start = calls("StartRecovery").stream()
                .filter(c -> serversOf(c).containsAll(ids(servers)))
                .findFirst()
                .orElseThrow();
        List<String> sent = new ArrayList<>();
        start.request()
                .path("sourceServers")
                .forEach(s -> sent.add(s.path("recoverySnapshotID").asText()));
        assertThat(sent)
                .containsExactlyInAnyOrderElementsOf(accepted.recoveryPoints().stream()
                        .map(p -> p.snapshotId())
                        .toList());
        // The instances record the snapshots' times.
        for (ObjectNode ri : drs.allRecoveryInstances()) {
            if (ids(servers).contains(ri.path("sourceServerID").asText())) {
                Instant pit = OffsetDateTime.parse(
                                ri.path("pointInTimeSnapshotDateTime").asText())
                        .toInstant();
                assertThat(pit).isBeforeOrEqualTo(before.plusSeconds(5));
            }
        }
    }

    @Test
    void aPointInTimeWithoutASnapshotLeavesTheServerOutWithTheReason() {
        List<ServerSnapshot> servers = servers(1, null);
        ExecutionId execution = ExecutionId.random();
        request(wave(
                execution,
                "db",
                ExecutionType.RECOVERY,
                servers,
                new RecoveryPoint(Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS), List.of()),
                null));
        WaveLaunchRejected rejected =
                bus.awaitEvent(WaveLaunchRejected.class, e -> e.executionId().equals(execution));
        assertThat(rejected.servers()).singleElement().satisfies(n -> {
            assertThat(n.reason()).isEqualTo(ServerNotReadyReason.NO_SNAPSHOT);
            assertThat(n.detail()).contains("at or before");
        });
        assertThat(startsNaming(servers)).isEmpty();
    }

    @Test
    void aPreflightSaysWhoCanGoWhyTheOthersCannotAndWhereEachStarts() {
        List<ServerSnapshot> ec2 = servers(1, DrsSimulator.Origin.ec2(ORIGIN_REGION));
        List<ServerSnapshot> onPremises = servers(1, null);
        recover(ec2);
        recover(onPremises);
        List<ServerSnapshot> both = new ArrayList<>(ec2);
        both.addAll(onPremises);
        long before = lastCall();

        io.restassured.response.ValidatableResponse failback = io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(Map.of("executionType", "FAILBACK", "servers", body(both)))
                .post("/drs/preflight")
                .then()
                .statusCode(200)
                .body("ready", org.hamcrest.Matchers.equalTo(1))
                .body("notReady", org.hamcrest.Matchers.equalTo(1));
        Map<String, Object> notReprotected = failback.extract().path("servers[0]");
        assertThat(notReprotected)
                .containsEntry("sourceServerId", ec2.get(0).sourceServerId().value())
                .containsEntry("ready", false)
                .containsEntry("reason", "NOT_REPROTECTED");
        Map<String, Object> waits = failback.extract().path("servers[1]");
        assertThat(waits)
                .containsEntry("ready", true)
                .containsEntry("origin", "on premises")
                .containsEntry("startsAt", "FAILBACK_CLIENT");

        Instant point = Instant.now().minus(Duration.ofHours(1));
        Map<String, Object> recovery = io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(Map.of(
                        "executionType",
                        "RECOVERY",
                        "recoveryPoint",
                        Map.of("latestBefore", point.toString()),
                        "servers",
                        body(onPremises)))
                .post("/drs/preflight")
                .then()
                .statusCode(200)
                .extract()
                .path("servers[0]");
        assertThat(recovery).containsEntry("ready", true);
        assertThat((String) recovery.get("snapshotId")).startsWith("pit-");
        assertThat(Instant.parse((String) recovery.get("snapshotTime"))).isBeforeOrEqualTo(point);
        // A preflight changes nothing in DRS.
        assertThat(drs.calls().since(before, null))
                .extracting(CallLog.Call::operation)
                .allMatch(op -> op.startsWith("Describe"));
    }

    @Test
    void aBadPreflightNamesEveryBadField() {
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(Map.of(
                        "executionType",
                        "SIDEWAYS",
                        "recoveryPoint",
                        Map.of("latestBefore", "yesterday"),
                        "servers",
                        List.of(Map.of("sourceServerId", "nope", "accountId", "12", "region", "us-east-1"))))
                .post("/drs/preflight")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems(
                                "executionType",
                                "recoveryPoint.latestBefore",
                                "servers[0].sourceServerId",
                                "servers[0].accountId"));
    }

    // ---- helpers

    private static List<Map<String, String>> body(List<ServerSnapshot> servers) {
        return servers.stream()
                .map(s -> Map.of(
                        "sourceServerId", s.sourceServerId().value(),
                        "accountId", s.accountId().value(),
                        "region", s.region()))
                .toList();
    }

    /** {@code count} CONTINUOUS servers in devstack's account and region, from {@code origin} (null: on premises). */
    private List<ServerSnapshot> servers(int count, DrsSimulator.@Nullable Origin origin) {
        String prefix = "fb" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<DrsSimulator.ServerSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(new DrsSimulator.ServerSpec(
                            null,
                            prefix + i,
                            devstack.account(),
                            devstack.region(),
                            Map.of(),
                            "CONTINUOUS",
                            "PT5S",
                            null)
                    .withOrigin(origin));
        }
        List<ServerSnapshot> out = new ArrayList<>();
        for (ObjectNode s : drs.addServers(specs)) {
            out.add(new ServerSnapshot(
                    SourceServerId.of(s.get("sourceServerID").asText()),
                    AccountId.of(devstack.account()),
                    devstack.region(),
                    Criticality.CRITICAL,
                    null));
        }
        return out;
    }

    /** A RECOVERY of the servers; returns each server's recovery instance. */
    private Map<String, String> recover(List<ServerSnapshot> servers) {
        ExecutionId recovery = ExecutionId.random();
        request(wave(recovery, "recover", ExecutionType.RECOVERY, servers, null, null));
        List<RecoveryJobStateChanged> done = awaitCompleted(recovery, servers.size());
        Map<String, String> out = new java.util.HashMap<>();
        done.stream()
                .flatMap(e -> e.servers().stream())
                .filter(s -> s.launchStatus() == LaunchStatus.LAUNCHED)
                .forEach(s -> out.put(
                        s.sourceServerId().value(), s.recoveryInstanceId().value()));
        assertThat(out).hasSize(servers.size());
        return out;
    }

    private static WaveLaunchRequested wave(
            ExecutionId execution,
            String wave,
            ExecutionType type,
            List<ServerSnapshot> servers,
            @Nullable RecoveryPoint point,
            @Nullable FailbackOptions failback) {
        return new WaveLaunchRequested(
                execution,
                PlanId.of("plan-" + UUID.randomUUID()),
                WaveId.of(wave),
                1,
                type,
                type == ExecutionType.DRILL,
                null,
                servers,
                point,
                failback);
    }

    private List<FailbackProgressChanged> progress(ExecutionId execution) {
        return bus.all(FailbackProgressChanged.class, e -> e.executionId().equals(execution));
    }

    private @Nullable FailbackProgressChanged latest(ExecutionId execution) {
        List<FailbackProgressChanged> all = progress(execution);
        return all.stream()
                .max(java.util.Comparator.comparing(FailbackProgressChanged::observedAt))
                .orElse(null);
    }

    private FailbackProgressChanged awaitFinal(ExecutionId execution, int servers) {
        Predicate<FailbackProgressChanged> done = p -> p != null
                && p.servers().size() == servers
                && p.servers().stream().allMatch(s -> s.status().isFinal());
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> latest(execution), done::test);
    }

    private static ServerFailbackState state(FailbackProgressChanged p, String server) {
        return p.servers().stream()
                .filter(s -> s.sourceServerId().value().equals(server))
                .findFirst()
                .orElseThrow();
    }

    private long lastCall() {
        List<CallLog.Call> all = drs.calls().all();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    private List<CallLog.Call> startsNaming(List<ServerSnapshot> servers) {
        return calls("StartRecovery").stream()
                .filter(c -> serversOf(c).stream().anyMatch(ids(servers)::contains))
                .toList();
    }
}
