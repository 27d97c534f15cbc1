package dev.drsorchestrator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.LocalSystem;
import dev.drsorchestrator.local.NotificationInbox;
import dev.drsorchestrator.local.NotificationInbox.Notice;
import dev.drsorchestrator.local.Rest;
import dev.drsorchestrator.local.Users;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole system under test, once per test JVM: devstack and the five services as processes (their packaged
 * jars, started by infra/local's launcher on free ports), plus what the scenarios read it with: the REST APIs, the DRS
 * simulator's admin API and call log, and an SQS queue subscribed to the notifications topic through the notifier.
 */
final class TheSystem implements AutoCloseable {

    /** Resolves a {@link TheSystem} parameter; the system starts with the first test and stops after the last. */
    static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TheSystem.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(TheSystem.class, k -> TheSystem.start(), TheSystem.class);
        }
    }

    static final String ACCOUNT_A = LocalSystem.FLEET_ACCOUNTS.get(0);
    static final String ACCOUNT_B = LocalSystem.FLEET_ACCOUNTS.get(1);
    static final List<String> TIERS = List.of("db", "app", "web");

    final LocalSystem local;
    /** The local users, one per role (and a second approver); see infra/local's Users. */
    final Users users;
    /** Calls as the planner (plans, schedules, alarm bindings, and reading). */
    final Rest rest;

    final Estate estate;
    final DevstackAdmin devstack;
    private final NotificationInbox inbox;
    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    private TheSystem(LocalSystem local) {
        this.local = local;
        this.users = Users.create(local.url(Component.DEVSTACK));
        this.rest = users.rest("planner");
        this.estate = new Estate(local, users);
        this.devstack = new DevstackAdmin(new Rest(), local.url(Component.DEVSTACK));
        this.inbox = new NotificationInbox(local, rest, "system-test-notifications");
    }

    static TheSystem start() {
        Path root = Path.of(System.getProperty("drs.root", "../.."))
                .toAbsolutePath()
                .normalize();
        LocalSystem.Options options = new LocalSystem.Options(root)
                .logs(Path.of(System.getProperty("system-tests.logs", "target/system-logs")))
                .freePorts()
                .fast()
                .out(new PrintStream(System.out, true))
                // A drill's TTL in seconds instead of minutes: its cleanup is watched, not waited for.
                .set(Component.EXECUTION, "execution.drill-ttl-unit", "1s")
                // At most 200 servers in active DRS jobs: a 250-server wave must queue its third job.
                .set(Component.DRS_ADAPTER, "drs.quotas.servers-in-active-jobs", "200")
                // The scenarios sync the inventory when they add servers; no timed sync racing them.
                .set(Component.DRS_ADAPTER, "drs.inventory.enabled", "false");
        LocalSystem local = LocalSystem.start(options);
        try {
            TheSystem system = new TheSystem(local);
            system.fastLaunches();
            return system;
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    @Override
    public void close() {
        inbox.close();
        local.close();
    }

    // ------------------------------------------------------------------------------------------------- the fleet

    /** The DRS simulator launches a server in 0.3–0.9 s. */
    void fastLaunches() {
        devstack.timings(100, 50, 300, 900);
    }

    /** {@code count} new CONTINUOUS servers named {@code prefix…}, round-robin over the accounts and tiers. */
    List<Server> fleet(String prefix, int count, List<String> accounts, List<String> tiers) {
        return devstack.generateFleet(count, accounts, tiers, 0, prefix);
    }

    /** The servers, synced from DRS into the catalog. */
    List<Server> synced(List<Server> servers) {
        estate.syncInventory(servers, Duration.ofSeconds(60));
        return servers;
    }

    /** A group of these servers, which must all be in one account. */
    String group(String name, List<Server> servers) {
        Set<String> accounts = servers.stream().map(Server::account).collect(Collectors.toSet());
        assertThat(accounts).as("one account per group").hasSize(1);
        return estate.group(
                name,
                accounts.iterator().next(),
                servers.stream().map(Server::id).toList());
    }

    /** A plan of one FAIL_FAST wave, {@code name}, of a new group of these servers; its id. */
    String oneWavePlan(String name, List<Server> servers) {
        String group = group(name, servers);
        return estate.plan(plan(name, 60, Estate.wave(name, 1, "FAIL_FAST", List.of(group))), Duration.ofSeconds(30));
    }

    static List<Server> tier(List<Server> servers, String tier) {
        return servers.stream().filter(s -> s.tier().equals(tier)).toList();
    }

    static List<String> ids(List<Server> servers) {
        return servers.stream().map(Server::id).toList();
    }

    /** A plan named {@code name} with these waves (see {@link Estate#wave}); drill TTL in (test) seconds. */
    static ObjectNode plan(String name, int drillTtl, ObjectNode... waves) {
        ObjectNode plan = Rest.object()
                .put("name", name)
                .put("rtoSeconds", 900)
                .put("rpoSeconds", 300)
                .put("drillTtlMinutes", drillTtl);
        ArrayNode list = plan.putArray("waves");
        for (ObjectNode w : waves) {
            list.add(w);
        }
        return plan;
    }

    // ----------------------------------------------------------------------------------------------- executions

    /** The execution once it satisfies {@code condition}, read through execution-service's REST API. */
    JsonNode awaitExecution(String executionId, Duration within, Predicate<JsonNode> condition) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> estate.execution(executionId).orElse(null), e -> e != null && condition.test(e));
    }

    JsonNode awaitStatus(String executionId, String status, Duration within) {
        return awaitExecution(
                executionId, within, e -> e.path("status").asText().equals(status));
    }

    /** A RECOVERY of the plan (from {@code recoveryPoint} if given), approved by a second person; its id. */
    String approvedRecovery(String planId, @Nullable ObjectNode recoveryPoint) {
        ObjectNode body = Rest.object().put("type", "RECOVERY").put("comment", "system test: recovery");
        if (recoveryPoint != null) {
            body.set("recoveryPoint", recoveryPoint);
        }
        String id = users.rest("recovery-operator")
                .post(estate.url(Component.PLAN, "/recovery-plans/" + planId + "/executions"), body)
                .expect(202)
                .text("executionId");
        awaitStatus(id, "AWAITING_APPROVAL", Duration.ofSeconds(30));
        estate.control(id, "approve", "system test: approved by a second person");
        return id;
    }

    /** Every server of every wave of an execution as execution-service shows it. */
    static List<JsonNode> servers(JsonNode execution) {
        List<JsonNode> out = new ArrayList<>();
        execution.path("waves").forEach(w -> w.path("servers").forEach(out::add));
        return out;
    }

    /** A plan's executions, newest first. */
    List<JsonNode> executionsOf(String planId) {
        List<JsonNode> out = new ArrayList<>();
        rest.get(estate.url(Component.EXECUTION, "/executions?planId=" + planId))
                .expect(200)
                .json()
                .path("items")
                .forEach(out::add);
        return out;
    }

    // ------------------------------------------------------------------------------------------------- DRS calls

    /** StartRecovery calls after {@code seq} for any of these servers. */
    List<JsonNode> startRecoveries(long seq, List<Server> servers) {
        Set<String> ids = Set.copyOf(ids(servers));
        return devstack.calls("StartRecovery", seq).stream()
                .filter(c -> serversOf(c).stream().anyMatch(ids::contains))
                .toList();
    }

    /** How many times each of these servers was in a successful StartRecovery after {@code seq}. */
    Map<String, Integer> launches(long seq, List<Server> servers) {
        Map<String, Integer> count = new HashMap<>();
        ids(servers).forEach(id -> count.put(id, 0));
        for (JsonNode call : startRecoveries(seq, servers)) {
            if (call.path("outcome").asText().equals("OK")) {
                serversOf(call).stream().filter(count::containsKey).forEach(id -> count.merge(id, 1, Integer::sum));
            }
        }
        return count;
    }

    static List<String> serversOf(JsonNode startRecovery) {
        List<String> ids = new ArrayList<>();
        startRecovery
                .path("request")
                .path("sourceServers")
                .forEach(s -> ids.add(s.path("sourceServerID").asText()));
        return ids;
    }

    // ------------------------------------------------------------------------------------------- notifications

    /** Every notification received so far about an execution, in arrival order. */
    List<Notice> notices(String executionId) {
        notices.addAll(inbox.drain());
        return notices.stream().filter(n -> n.executionId().equals(executionId)).toList();
    }
}
