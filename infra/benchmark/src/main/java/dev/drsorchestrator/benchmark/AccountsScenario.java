package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.Executions.Ended;
import dev.drsorchestrator.benchmark.Executions.Requested;
import dev.drsorchestrator.benchmark.Plans.Plan;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Rest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Servers over ten DRS accounts (each wave spreads over all of them, one group per wave and account; drs-adapter
 * reaches each account through a role in it): time outside DRS, and every DRS call's outcome from the simulator's
 * call log, to show that none was refused for a quota or throttled. One plan of all the servers; when plan-service
 * cannot take an execution that large, the same servers as plans of at most {@link #FALLBACK_PLAN_SERVERS}, requested
 * at the same moment (and the refusal reported).
 */
public final class AccountsScenario implements Scenario {

    /** The largest plan the other scenarios run (large: 1,000 servers). */
    static final int FALLBACK_PLAN_SERVERS = 1000;

    private List<Server> servers;
    private Plan plan;

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public String title() {
        return "servers over ten DRS accounts";
    }

    @Override
    public void prepare(Harness h, Context ctx) {
        Sizes s = ctx.sizes;
        Plans plans = new Plans(h);
        servers = plans.servers(
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
        Result r = new Result(name(), title());
        long seq = h.devstack.lastCall();
        List<Plan> ran = List.of(plan);
        List<Requested> requested;
        try {
            requested = List.of(executions.drill(plan.id()));
        } catch (Rest.UnexpectedAnswer refused) {
            r.note(
                    "NOT AS SPECIFIED: the one plan of %d servers could not be run: %s answered %d%s. Instead: as"
                            + " many servers again as %d plans of at most %d, requested at the same moment",
                    plan.servers(),
                    "POST /recovery-plans/{id}/executions",
                    refused.response().status(),
                    why(h, refused.response()),
                    (plan.servers() + FALLBACK_PLAN_SERVERS - 1) / FALLBACK_PLAN_SERVERS,
                    FALLBACK_PLAN_SERVERS);
            ran = split(h, ctx);
            seq = h.devstack.lastCall();
            requested = executions.drillTogether(ran.stream().map(Plan::id).toList());
        }
        Map<String, Ended> ended = executions.awaitAll(requested, Duration.ofMinutes(30));
        DrsLog log = DrsLog.read(h, seq);
        List<Double> walls = new ArrayList<>();
        List<Double> inDrs = new ArrayList<>();
        List<Double> outside = new ArrayList<>();
        List<Double> transitions = new ArrayList<>();
        int starts = 0;
        int jobs = 0;
        for (int i = 0; i < requested.size(); i++) {
            Ended done = ended.get(requested.get(i).id());
            if (!done.completed()) {
                throw new IllegalStateException("execution " + done.request().id() + " ended " + done.status() + ": "
                        + done.execution().path("reason").asText());
            }
            Timeline t = new Timeline(ran.get(i), log);
            walls.add(Stats.millis(done.wall()));
            inDrs.add(Stats.millis(t.inDrs()));
            outside.add(Stats.millis(done.wall().minus(t.inDrs())));
            transitions.addAll(t.transitions());
            starts += t.startCalls();
            jobs += t.jobs();
        }
        int waves = ran.get(0).waves().size();
        r.row("execution (POST -> endedAt)", "ms", walls)
                .row("DRS jobs running (union)", "ms", inDrs)
                .row("time outside DRS", "ms", outside)
                .row(
                        "time outside DRS per wave",
                        "ms",
                        outside.stream().map(v -> v / waves).toList())
                .row("wave transition", "ms", transitions);
        Map<String, Integer> totals = log.outcomeTotals();
        long quota = count(totals, "Quota");
        long throttled = count(totals, "Throttl");
        r.note(
                "%d DRILL(s) of %d servers in all, %d waves each, over %d accounts: %d StartRecovery calls, %d DRS jobs",
                requested.size(), servers.size(), waves, Sizes.ACCOUNTS, starts, jobs);
        r.note(
                "DRS calls during the run, by outcome: %s; ServiceQuotaExceededException: %d, throttled: %d",
                totals, quota, throttled);
        r.note("by operation: %s", log.outcomes());
        r.figure("executions", requested.size());
        r.figure("outcomes", log.outcomes());
        r.figure("quotaErrors", quota);
        r.figure("throttled", throttled);
        return r;
    }

    /**
     * As many servers again (a server belongs to one protection group, and the one plan's groups hold the first ones),
     * as plans of at most {@link #FALLBACK_PLAN_SERVERS}, each over every account.
     */
    private List<Plan> split(Harness h, Context ctx) {
        Plans plans = new Plans(h);
        List<Server> fresh = plans.servers("accounts-split-", servers.size(), Harness.accounts(Sizes.ACCOUNTS));
        plans.sync(fresh);
        servers = fresh;
        List<Plan> out = new ArrayList<>();
        for (int from = 0, i = 1; from < fresh.size(); from += FALLBACK_PLAN_SERVERS, i++) {
            // Made round robin over the accounts, so each slice spreads over all ten.
            List<Server> slice = fresh.subList(from, Math.min(fresh.size(), from + FALLBACK_PLAN_SERVERS));
            out.add(plans.plan("accounts-part-" + i, ctx.sizes.accountWaves(), slice));
        }
        ctx.say("accounts: %d plans of at most %d servers instead", out.size(), FALLBACK_PLAN_SERVERS);
        return out;
    }

    /** The reason the service logged for an internal error's reference, if it can be found. */
    private static String why(Harness h, Rest.Response answer) {
        String reference = answer.json().path("reference").asText("");
        if (reference.isEmpty()) {
            return " (" + answer.json().path("detail").asText() + ")";
        }
        try {
            for (String line : Files.readAllLines(h.system.log(Component.PLAN))) {
                int at = line.indexOf("reference " + reference + ": ");
                if (at >= 0) {
                    String cause = line.substring(at + reference.length() + 12);
                    int cut = cause.indexOf(" (Service:");
                    return " (plan-service's log: " + (cut > 0 ? cause.substring(0, cut) : cause) + ")";
                }
            }
        } catch (IOException e) {
            // no log: the reference alone
        }
        return " (reference " + reference + ")";
    }

    private static long count(Map<String, Integer> outcomes, String part) {
        return outcomes.entrySet().stream()
                .filter(e -> e.getKey().contains(part))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
