package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.OpenLoop.Op;
import dev.drsorchestrator.benchmark.OpenLoop.Outcome;
import dev.drsorchestrator.benchmark.Plans.Plan;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.LocalSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * REST reads as the viewer, open loop at a fixed rate: an execution, a plan and a group by id, and the first page of
 * each list, round robin. A 2 s warm-up at the same rate is not counted.
 */
public final class ReadsScenario implements Scenario {

    private List<Op> ops;

    @Override
    public String name() {
        return "reads";
    }

    @Override
    public String title() {
        return "REST reads, open loop";
    }

    @Override
    public void prepare(Harness h, Context ctx) {
        if (ctx.executionId == null) {
            // Run alone: a small estate and one execution of it to read.
            Plans plans = new Plans(h);
            var servers = plans.servers("reads-", 10, LocalSystem.FLEET_ACCOUNTS);
            plans.sync(servers);
            Plan plan = plans.plan("reads", 1, servers);
            Executions executions = new Executions(h);
            ctx.executionId = executions
                    .await(executions.drill(plan.id()), Duration.ofMinutes(2))
                    .request()
                    .id();
            ctx.executionServers = plan.servers();
            ctx.planId = plan.id();
            ctx.groupId = plan.groupIds().get(0);
        }
        ops = List.of(
                new Op("GET /executions/{id}", h.url(Component.EXECUTION, "/executions/" + ctx.executionId)),
                new Op("GET /recovery-plans/{id}", h.url(Component.PLAN, "/recovery-plans/" + ctx.planId)),
                new Op("GET /protection-groups/{id}", h.url(Component.CATALOG, "/protection-groups/" + ctx.groupId)),
                new Op("GET /executions", h.url(Component.EXECUTION, "/executions")),
                new Op("GET /recovery-plans", h.url(Component.PLAN, "/recovery-plans")),
                new Op("GET /protection-groups", h.url(Component.CATALOG, "/protection-groups")));
        OpenLoop.run(ops, h.users.token("viewer"), ctx.sizes.readsPerSecond(), Duration.ofSeconds(2));
    }

    @Override
    public Result measure(Harness h, Context ctx) {
        int rate = ctx.sizes.readsPerSecond();
        Outcome o = OpenLoop.run(ops, h.users.token("viewer"), rate, Duration.ofSeconds(ctx.sizes.readsSeconds()));
        Result r = new Result(name(), title());
        List<Double> all = new ArrayList<>();
        int failed = 0;
        for (Op op : ops) {
            List<Double> l = o.latencies().get(op.name());
            r.row(op.name(), "ms", l);
            all.addAll(l);
            failed += o.failures().get(op.name());
        }
        r.row("all reads", "ms", all);
        r.note(
                "%d requests/s for %d s as the viewer (HTTP/1.1, bearer token), round robin over %d operations;"
                        + " latency from each request's scheduled time; default page size (50)",
                rate, ctx.sizes.readsSeconds(), ops.size());
        r.note("non-2xx or failed: %d of %d (%s)", failed, all.size(), o.failures());
        r.note(
                "answered %.0f requests/s on average (the first scheduled request to the last answer; below %d/s when"
                        + " the system could not keep up and a queue built up)",
                o.answeredPerSecond(), rate);
        StringBuilder sizes = new StringBuilder();
        for (Op op : ops) {
            int ok = o.latencies().get(op.name()).size() - o.failures().get(op.name());
            sizes.append(sizes.length() == 0 ? "" : ", ")
                    .append(op.name())
                    .append(String.format(
                            java.util.Locale.ROOT,
                            " %.1f KiB",
                            ok == 0 ? 0.0 : o.bytes().get(op.name()) / (double) ok / 1024));
        }
        r.note("answer sizes: %s; the execution read has %d servers", sizes, ctx.executionServers);
        r.figure("answeredPerSecond", o.answeredPerSecond());
        r.figure("requests", all.size());
        r.figure("non2xx", failed);
        return r;
    }
}
