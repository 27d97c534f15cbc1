package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.Executions.Ended;
import dev.drsorchestrator.benchmark.Plans.Plan;
import dev.drsorchestrator.local.LocalSystem;
import java.time.Duration;
import java.util.List;

/**
 * One large execution: waves × servers (1,000 in all) over the two staging accounts. Time outside DRS = the
 * execution's wall time (the POST that requested it → its {@code endedAt}) minus the time at least one of its DRS
 * jobs was running (StartRecovery → the job's end, as a union of intervals).
 */
public final class LargeScenario implements Scenario {

    private Plan plan;

    @Override
    public String name() {
        return "large";
    }

    @Override
    public String title() {
        return "one large execution: time outside DRS";
    }

    @Override
    public void prepare(Harness h, Context ctx) {
        Sizes s = ctx.sizes;
        Plans plans = new Plans(h);
        var servers = plans.servers("large-", s.waves() * s.serversPerWave(), LocalSystem.FLEET_ACCOUNTS);
        plans.sync(servers);
        plan = plans.plan("large", s.waves(), servers);
        ctx.say("large: plan %s, %d waves x %d servers", plan.id(), s.waves(), s.serversPerWave());
    }

    @Override
    public Result measure(Harness h, Context ctx) {
        Executions executions = new Executions(h);
        long seq = h.devstack.lastCall();
        Ended done = executions.await(executions.drill(plan.id()), Duration.ofMinutes(20));
        if (!done.completed()) {
            throw new IllegalStateException("execution " + done.request().id() + " ended " + done.status() + ": "
                    + done.execution().path("reason").asText());
        }
        // Memory right after it, for the footprint scenario.
        Processes.children(ctx.root)
                .forEach((c, p) -> Processes.rssMiB(p.pid()).ifPresent(mib -> ctx.rssAfterLarge.put(c, mib)));
        ctx.executionId = done.request().id();
        ctx.executionServers = plan.servers();
        ctx.planId = plan.id();
        ctx.groupId = plan.groupIds().get(0);

        Timeline t = new Timeline(plan, DrsLog.read(h, seq));
        Duration wall = done.wall();
        Duration inDrs = t.inDrs();
        Duration outside = wall.minus(inDrs);
        int waves = plan.waves().size();
        Result r = new Result(name(), title())
                .row("execution (POST -> endedAt)", "ms", List.of(Stats.millis(wall)))
                .row("DRS jobs running (union)", "ms", List.of(Stats.millis(inDrs)))
                .row("time outside DRS", "ms", List.of(Stats.millis(outside)))
                .row("time outside DRS per wave", "ms", List.of(Stats.millis(outside) / waves))
                .row("wave transition", "ms", t.transitions())
                .row("GET showed it ended, after endedAt", "ms", List.of(Stats.millis(done.endedAt(), done.seen())));
        r.note(
                "1 DRILL of %d servers, %d waves x %d, over accounts %s: %d StartRecovery calls, %d DRS jobs",
                plan.servers(),
                waves,
                plan.waves().get(0).size(),
                LocalSystem.FLEET_ACCOUNTS,
                t.startCalls(),
                t.jobs());
        r.note(
                "POST -> first StartRecovery %.0f ms; last job end -> endedAt %.0f ms",
                Stats.millis(done.request().sent(), t.firstStart(0)),
                Stats.millis(t.lastJobEnd(waves - 1), done.endedAt()));
        r.figure("executionId", done.request().id());
        r.figure("timeOutsideDrsMs", Stats.millis(outside));
        return r;
    }
}
