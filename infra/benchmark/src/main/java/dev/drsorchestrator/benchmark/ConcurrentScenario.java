package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.Executions.Ended;
import dev.drsorchestrator.benchmark.Executions.Requested;
import dev.drsorchestrator.benchmark.Plans.Plan;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.LocalSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many executions at once: as many plans of 2 waves × 5 servers, each requested by the drill-operator from its own
 * thread, all released at the same moment. Each execution's wave transition is measured as in the transition
 * scenario.
 */
public final class ConcurrentScenario implements Scenario {

    private final List<Plan> plans = new ArrayList<>();

    @Override
    public String name() {
        return "concurrent";
    }

    @Override
    public String title() {
        return "executions requested at the same moment";
    }

    @Override
    public void prepare(Harness h, Context ctx) {
        Plans builder = new Plans(h);
        int per = Sizes.CONCURRENT_WAVES * Sizes.CONCURRENT_SERVERS_PER_WAVE;
        List<List<Server>> fleets = new ArrayList<>();
        List<Server> all = new ArrayList<>();
        for (int i = 0; i < ctx.sizes.concurrent(); i++) {
            // Each plan in one staging account, alternating.
            String account = LocalSystem.FLEET_ACCOUNTS.get(i % LocalSystem.FLEET_ACCOUNTS.size());
            List<Server> servers = builder.servers("concurrent-" + i + "-", per, List.of(account));
            fleets.add(servers);
            all.addAll(servers);
        }
        builder.sync(all);
        for (int i = 0; i < fleets.size(); i++) {
            plans.add(builder.plan("concurrent-" + i, Sizes.CONCURRENT_WAVES, fleets.get(i)));
        }
        ctx.say("concurrent: %d plans of %d waves x %d servers", plans.size(), 2, Sizes.CONCURRENT_SERVERS_PER_WAVE);
    }

    @Override
    public Result measure(Harness h, Context ctx) {
        Executions executions = new Executions(h);
        long seq = h.devstack.lastCall();
        List<Requested> requested =
                executions.drillTogether(plans.stream().map(Plan::id).toList());
        Map<String, Ended> ended = executions.awaitAll(requested, Duration.ofMinutes(15));
        DrsLog log = DrsLog.read(h, seq);
        List<Double> transitions = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        List<Double> accepted = new ArrayList<>();
        int completed = 0;
        for (int i = 0; i < requested.size(); i++) {
            Requested r = requested.get(i);
            Ended e = ended.get(r.id());
            completed += e.completed() ? 1 : 0;
            walls.add(Stats.millis(e.wall()));
            accepted.add(Stats.millis(r.sent(), r.answered()));
            transitions.addAll(new Timeline(plans.get(i), log).transitions());
        }
        // The reads read one of these (10 servers, as most executions are) rather than the large one.
        ctx.executionId = requested.get(0).id();
        ctx.executionServers = plans.get(0).servers();
        ctx.planId = plans.get(0).id();
        ctx.groupId = plans.get(0).groupIds().get(0);
        Instant first =
                requested.stream().map(Requested::sent).min(Instant::compareTo).orElseThrow();
        Instant last = ended.values().stream()
                .map(Ended::endedAt)
                .max(Instant::compareTo)
                .orElseThrow();
        Result r = new Result(name(), title())
                .row("wave transition", "ms", transitions)
                .row("execution (POST -> endedAt)", "ms", walls)
                .row("request answered (POST -> 202)", "ms", accepted);
        r.note(
                "%d executions (DRILL) of 2 waves x 5 servers, requested together from %d threads; %d COMPLETED;"
                        + " first request -> last end %.1f s",
                requested.size(), plans.size(), completed, Stats.millis(first, last) / 1000);
        r.note("DRS calls during the run: %s", log.outcomeTotals());
        return r;
    }
}
