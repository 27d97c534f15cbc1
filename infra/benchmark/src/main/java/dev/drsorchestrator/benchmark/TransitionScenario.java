package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.Executions.Ended;
import dev.drsorchestrator.benchmark.Plans.Plan;
import dev.drsorchestrator.local.LocalSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wave transitions: executions of a plan whose waves run one after the other; for each wave k > 1, the time from
 * wave k-1's last DRS job ending (the simulator's {@code endDateTime}) to wave k's first StartRecovery (the call log).
 * With DRS's events ({@code transition}) or with every event dropped, so that drs-adapter learns of each job's end by
 * polling DescribeJobs only ({@code transition-polling}). Each on a fresh system.
 */
public final class TransitionScenario implements Scenario {

    private final boolean polling;
    private Plan plan;

    public TransitionScenario(boolean polling) {
        this.polling = polling;
    }

    @Override
    public String name() {
        return polling ? "transition-polling" : "transition";
    }

    @Override
    public String title() {
        return polling
                ? "wave transition, every DRS event dropped (drs-adapter polls DescribeJobs)"
                : "wave transition, event-driven (DRS launch-result events)";
    }

    @Override
    public boolean ownSystem() {
        return true;
    }

    @Override
    public Harness.Tracking tracking() {
        return polling ? Harness.Tracking.POLLING : Harness.Tracking.EVENTS;
    }

    @Override
    public void prepare(Harness h, Context ctx) {
        Sizes s = ctx.sizes;
        Plans plans = new Plans(h);
        var servers = plans.servers(name() + "-", s.waves() * s.serversPerWave(), LocalSystem.FLEET_ACCOUNTS);
        plans.sync(servers);
        plan = plans.plan(name(), s.waves(), servers);
        ctx.say(
                "%s: plan %s, %d waves x %d servers over accounts %s",
                name(), plan.id(), s.waves(), s.serversPerWave(), LocalSystem.FLEET_ACCOUNTS);
        // One drill first, not measured: the services' JIT compiles the event path, as in a service that has run.
        Executions executions = new Executions(h);
        Ended warmUp = executions.await(executions.drill(plan.id()), Duration.ofMinutes(15));
        ctx.say(
                "%s: warm-up drill %s in %.1f s (not measured)",
                name(), warmUp.status(), Stats.millis(warmUp.wall()) / 1000);
    }

    @Override
    public Result measure(Harness h, Context ctx) {
        Executions executions = new Executions(h);
        List<Double> transitions = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        List<Double> outside = new ArrayList<>();
        for (int run = 1; run <= ctx.sizes.transitionRuns(); run++) {
            long seq = h.devstack.lastCall();
            Ended done = executions.await(executions.drill(plan.id()), Duration.ofMinutes(15));
            if (!done.completed()) {
                throw new IllegalStateException("execution " + done.request().id() + " ended " + done.status() + ": "
                        + done.execution().path("reason").asText());
            }
            Timeline t = new Timeline(plan, DrsLog.read(h, seq));
            List<Double> these = t.transitions();
            transitions.addAll(these);
            walls.add(Stats.millis(done.wall()));
            outside.add(Stats.millis(done.wall().minus(t.inDrs())));
            ctx.say(
                    "%s run %d: %s in %.1f s; transitions (ms) %s",
                    name(),
                    run,
                    done.status(),
                    Stats.millis(done.wall()) / 1000,
                    these.stream().map(v -> String.format("%.0f", v)).toList());
        }
        Result r = new Result(name(), title())
                .row("wave transition", "ms", transitions)
                .row("execution (POST -> endedAt)", "ms", walls)
                .row("execution time outside DRS", "ms", outside);
        r.note(
                "%d execution(s) of %d waves x %d servers (DRILL, waves in sequence), after one warm-up drill; %d"
                        + " transitions",
                ctx.sizes.transitionRuns(), ctx.sizes.waves(), ctx.sizes.serversPerWave(), transitions.size());
        r.note(
                polling
                        ? "DRS simulator faults: dropEventFraction 1.0; drs-adapter polls a job 2 s after it started, the"
                                + " interval doubling to at most 15 s (drs.tracking.min-poll-interval / poll-interval, the"
                                + " production defaults)"
                        : "DRS launch-result events on; drs-adapter's polling at the production defaults (2 s doubling to"
                                + " 15 s)");
        r.figure("transitionsP50Ms", r.summary("wave transition").p50());
        return r;
    }
}
