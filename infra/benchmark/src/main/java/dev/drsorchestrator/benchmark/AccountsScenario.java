package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.Executions.Ended;
import dev.drsorchestrator.benchmark.Plans.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One execution over ten DRS accounts (each wave spreads over all of them, one group per wave and account; drs-adapter
 * reaches each account through a role in it): time outside DRS, and every DRS call's outcome from the simulator's
 * call log, to show that none was refused for a quota or throttled.
 */
public final class AccountsScenario implements Scenario {

    private Plan plan;

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public String title() {
        return "one execution over ten DRS accounts";
    }

    @Override
    public void prepare(Harness h, Context ctx) {
        Sizes s = ctx.sizes;
        Plans plans = new Plans(h);
        var servers = plans.servers(
                "accounts-", s.accountWaves() * s.accountServersPerWave(), Harness.accounts(Sizes.ACCOUNTS));
        plans.sync(servers);
        plan = plans.plan("accounts", s.accountWaves(), servers);
        ctx.say(
                "accounts: plan %s, %d waves x %d servers over %d accounts",
                plan.id(), s.accountWaves(), s.accountServersPerWave(), Sizes.ACCOUNTS);
    }

    @Override
    public Result measure(Harness h, Context ctx) {
        Executions executions = new Executions(h);
        long seq = h.devstack.lastCall();
        Ended done = executions.await(executions.drill(plan.id()), Duration.ofMinutes(30));
        if (!done.completed()) {
            throw new IllegalStateException("execution " + done.request().id() + " ended " + done.status() + ": "
                    + done.execution().path("reason").asText());
        }
        DrsLog log = DrsLog.read(h, seq);
        Timeline t = new Timeline(plan, log);
        Duration outside = done.wall().minus(t.inDrs());
        Map<String, Integer> totals = log.outcomeTotals();
        long quota = count(totals, "Quota");
        long throttled = count(totals, "Throttl");
        Result r = new Result(name(), title())
                .row("execution (POST -> endedAt)", "ms", List.of(Stats.millis(done.wall())))
                .row("DRS jobs running (union)", "ms", List.of(Stats.millis(t.inDrs())))
                .row("time outside DRS", "ms", List.of(Stats.millis(outside)))
                .row(
                        "time outside DRS per wave",
                        "ms",
                        List.of(Stats.millis(outside) / plan.waves().size()))
                .row("wave transition", "ms", t.transitions());
        r.note(
                "1 DRILL of %d servers, %d waves x %d over %d accounts: %d StartRecovery calls, %d DRS jobs",
                plan.servers(),
                plan.waves().size(),
                plan.waves().get(0).size(),
                Sizes.ACCOUNTS,
                t.startCalls(),
                t.jobs());
        r.note(
                "DRS calls during the run, by outcome: %s; ServiceQuotaExceededException: %d, throttled: %d",
                totals, quota, throttled);
        r.note("by operation: %s", log.outcomes());
        r.figure("outcomes", log.outcomes());
        r.figure("quotaErrors", quota);
        r.figure("throttled", throttled);
        return r;
    }

    private static long count(Map<String, Integer> outcomes, String part) {
        return outcomes.entrySet().stream()
                .filter(e -> e.getKey().contains(part))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
