package dev.drsorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo the run command shows: a realistic fleet in the DRS simulator, protection groups per tier and account, a
 * 3-wave plan, and a drill watched as it runs (each wave, servers launched and failed, elapsed time, and each
 * notification as it arrives in an SQS queue subscribed through the notifier).
 */
public final class Demo {

    static final List<String> TIERS = List.of("db", "app", "web");
    private static final Map<String, String> WAVE_NAMES =
            Map.of("db", "databases", "app", "application tier", "web", "web tier");
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED");
    private static final Set<String> FINAL_EVENTS =
            Set.of("ExecutionCompleted", "ExecutionFailed", "ExecutionCancelled", "ExecutionRejected");

    private final LocalSystem system;
    private final Rest rest;
    private final Estate estate;
    private final DevstackAdmin devstack;
    private final PrintStream out;
    private final Instant started;

    public Demo(LocalSystem system, Users users, PrintStream out, Instant started) {
        this.system = system;
        this.rest = users.rest("planner");
        this.estate = new Estate(system, users);
        this.devstack = new DevstackAdmin(new Rest(), system.url(Component.DEVSTACK));
        this.out = out;
        this.started = started;
    }

    /** What the demo made, for the closing summary. */
    public record Result(String planId, String executionId, String status) {}

    /** Seeds, sets up and runs the drill; returns when the drill ended and its last notification arrived. */
    public Result run(int fleetSize) {
        // 1. The fleet: DRS source servers in two staging accounts, a few not ready.
        List<Server> fleet = devstack.generateFleet(fleetSize, LocalSystem.FLEET_ACCOUNTS, TIERS, 0.05, "");
        Map<String, Long> notReady = fleet.stream()
                .filter(s -> !s.ready())
                .collect(Collectors.groupingBy(Server::replicationState, TreeMap::new, Collectors.counting()));
        step(
                "DRS simulator: %d source servers (%s) over accounts %s; not ready: %s",
                fleet.size(),
                TIERS.stream()
                        .map(t -> fleet.stream().filter(s -> s.tier().equals(t)).count() + " " + t)
                        .collect(Collectors.joining(", ")),
                String.join(" and ", LocalSystem.FLEET_ACCOUNTS),
                notReady.isEmpty() ? "none" : notReady.toString());

        // 2. The inventory, synced through drs-adapter's roles in each account, reaches catalog-service.
        estate.syncInventory(fleet, Duration.ofSeconds(60));
        step("inventory synced: catalog-service lists all %d servers", fleet.size());

        // 3. Protection groups: one per tier and account, by tag selector (a new server with the tag joins).
        Map<String, List<String>> groupsByTier = new LinkedHashMap<>();
        for (String tier : TIERS) {
            for (String account : LocalSystem.FLEET_ACCOUNTS) {
                String id = estate.taggedGroup(
                        tier + "-" + account, "Tier=" + tier + " servers of account " + account, account, "Tier", tier);
                groupsByTier.computeIfAbsent(tier, t -> new ArrayList<>()).add(id);
            }
        }
        step(
                "%d protection groups by tag selector Tier=db|app|web, one per tier and account: %s",
                groupsByTier.values().stream().mapToInt(List::size).sum(),
                TIERS.stream()
                        .flatMap(t -> LocalSystem.FLEET_ACCOUNTS.stream().map(a -> t + "-" + a))
                        .collect(Collectors.joining(", ")));

        // 4. The plan: databases, then the application tier, then the web tier. Servers that are not ready are
        // OPTIONAL, so the drill leaves them out (and says so) rather than being refused.
        ObjectNode plan = Rest.object()
                .put("name", "web-shop")
                .put("description", "The web shop: databases, then the application tier, then the web tier")
                .put("rtoSeconds", 900)
                .put("rpoSeconds", 300)
                .put("drillTtlMinutes", 60);
        ArrayNode waves = plan.putArray("waves");
        for (int i = 0; i < TIERS.size(); i++) {
            String tier = TIERS.get(i);
            ObjectNode wave = Estate.wave(
                    WAVE_NAMES.get(tier), i + 1, tier.equals("web") ? "CONTINUE" : "FAIL_FAST", groupsByTier.get(tier));
            ObjectNode criticality = wave.putObject("criticality");
            fleet.stream()
                    .filter(s -> s.tier().equals(tier) && !s.ready())
                    .forEach(s -> criticality.put(s.id(), "OPTIONAL"));
            waves.add(wave);
        }
        String planId = estate.plan(plan, Duration.ofSeconds(30));
        step("recovery plan 'web-shop' %s: 3 waves (databases -> application tier -> web tier), RTO 15 min", planId);

        // 5. Notifications: an SQS queue subscribed to the notifier's topic, read as a subscriber would.
        try (NotificationInbox inbox = new NotificationInbox(system, rest, "local-demo-notifications")) {
            step("SQS queue local-demo-notifications subscribed to the notifications topic");

            // 6. The drill.
            String executionId = estate.execute(planId, "DRILL", "demo drill from infra/local/run");
            step(
                    "DRILL %s requested: watching it (GET %s/executions/%s)",
                    executionId, system.url(Component.EXECUTION), executionId);
            if (system.hasConsole()) {
                step("watch it live in the console: %s/executions/%s", system.url(Component.CONSOLE), executionId);
            }
            String status = watch(executionId, inbox);
            return new Result(planId, executionId, status);
        }
    }

    /** Prints each change of the execution and each notification until it ended and its notification arrived. */
    private String watch(String executionId, NotificationInbox inbox) {
        Map<String, String> shown = new HashMap<>();
        String status = "REQUESTED";
        Instant endSeen = null;
        boolean finalNotification = false;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> found = estate.execution(executionId);
            if (found.isPresent()) {
                JsonNode e = found.get();
                status = e.path("status").asText();
                show(
                        shown,
                        "execution",
                        "execution " + status
                                + (e.hasNonNull("reason")
                                        ? " (" + e.path("reason").asText() + ")"
                                        : ""));
                for (JsonNode w : e.path("waves")) {
                    JsonNode c = w.path("counts");
                    String line = String.format(
                            "wave %d/%d %-17s %-10s %s %d/%d launched, %d failed, %d excluded%s",
                            w.path("index").asInt(),
                            e.path("waves").size(),
                            w.path("name").asText(),
                            w.path("status").asText(),
                            w.path("phase").asText("").isEmpty()
                                    ? ""
                                    : "(" + w.path("phase").asText() + ")",
                            c.path("launched").asInt(),
                            c.path("total").asInt(),
                            c.path("failed").asInt(),
                            c.path("excluded").asInt(),
                            w.hasNonNull("jobs") ? ", " + w.path("jobs").size() + " DRS job(s)" : "");
                    show(shown, "wave-" + w.path("waveId").asText(), line);
                }
                if (ENDED.contains(status) && endSeen == null) {
                    endSeen = Instant.now();
                    JsonNode rto = e.path("rto");
                    step(
                            "%s in %s s (RTO %s s: %s); %d launched, %d failed, %d excluded",
                            status,
                            rto.path("elapsedSeconds").asText("?"),
                            rto.path("targetSeconds").asText("-"),
                            rto.path("met").asBoolean() ? "met" : "not met",
                            e.path("counts").path("launched").asInt(),
                            e.path("counts").path("failed").asInt(),
                            e.path("counts").path("excluded").asInt());
                }
            }
            // Waits up to a second for a notification: the pace of the display, and each message as it arrives.
            for (NotificationInbox.Notice n : inbox.receive(1)) {
                step("notification [%s]: %s", n.severity(), n.subject());
                finalNotification |= n.executionId().equals(executionId) && FINAL_EVENTS.contains(n.detailType());
            }
            if (endSeen != null && (finalNotification || Instant.now().isAfter(endSeen.plusSeconds(10)))) {
                return status;
            }
        }
        step(
                "still %s after 15 minutes; stopped watching (GET %s/executions/%s)",
                status, system.url(Component.EXECUTION), executionId);
        return status;
    }

    private void show(Map<String, String> shown, String key, String line) {
        if (!line.equals(shown.put(key, line))) {
            step("%s", line);
        }
    }

    private void step(String format, Object... args) {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        out.printf("[%6.1fs] %s%n", seconds, String.format(format, args));
    }
}
