package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.Prometheus.Sample;
import dev.drsorchestrator.local.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs scenarios in order, each on its own fresh system or on the one shared system, scraping every service's
 * metrics around each measured part. A scenario that fails is reported as failed and the run goes on.
 */
public final class Runner {

    private final Context ctx;
    private @Nullable Harness shared;
    private volatile @Nullable Harness current;

    public Runner(Context ctx) {
        this.ctx = ctx;
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll));
    }

    public List<Result> run(List<Scenario> scenarios) {
        List<Result> results = new ArrayList<>();
        try {
            for (Scenario s : scenarios) {
                results.add(run(s));
                Report.print(List.of(results.get(results.size() - 1)), ctx.out);
            }
        } finally {
            closeAll();
        }
        return results;
    }

    private Result run(Scenario s) {
        Instant began = Instant.now();
        ctx.say("%s: %s", s.name(), s.title());
        Harness h;
        String system;
        try {
            if (s.ownSystem()) {
                ctx.say("%s: starting a fresh system", s.name());
                h = Harness.start(s.name(), ctx.root, 2, s.tracking(), ctx.out);
                current = h;
                system = "a fresh system of its own (devstack and the five services; drs-adapter reaches 2 staging"
                        + " accounts)";
            } else {
                h = shared();
                system = "the shared system (one for large, concurrent, accounts, reads and footprint, in that order;"
                        + " drs-adapter reaches 10 staging accounts)";
            }
        } catch (RuntimeException e) {
            return failed(s, began, "the system did not start: " + e.getMessage());
        }
        try {
            s.prepare(h, ctx);
            Instant measured = Instant.now();
            String load = Machine.loadAverage();
            Map<Component, List<Sample>> before = h.scrape();
            Result r = s.measure(h, ctx);
            Map<Component, List<Sample>> after = h.scrape();
            r.hops.putAll(hops(before, after));
            r.system = system;
            r.seconds = Stats.millis(began, Instant.now()) / 1000;
            r.note(
                    "set-up %.0f s, measured part %.0f s; load average (1/5/15 min) %s before it, %s after; /q/metrics"
                            + " %s",
                    Stats.millis(began, measured) / 1000,
                    Stats.millis(measured, Instant.now()) / 1000,
                    load,
                    Machine.loadAverage(),
                    h.metricsNeedToken() ? "asked for a token (the admin's was sent)" : "answered without a token");
            return r;
        } catch (RuntimeException e) {
            return failed(s, began, e.toString() + " (logs: " + h.system.logs() + ")");
        } finally {
            if (s.ownSystem()) {
                ctx.say("%s: stopping its system", s.name());
                h.close();
                current = null;
            }
        }
    }

    private Harness shared() {
        if (shared == null) {
            ctx.say("starting the shared system (drs-adapter reaching %d staging accounts)", Sizes.ACCOUNTS);
            shared = Harness.start("shared", ctx.root, Sizes.ACCOUNTS, Harness.Tracking.EVENTS, ctx.out);
        }
        return shared;
    }

    private static Map<String, Map<String, HopBreakdown.Hop>> hops(
            Map<Component, List<Sample>> before, Map<Component, List<Sample>> after) {
        Map<String, Map<String, HopBreakdown.Hop>> out = new LinkedHashMap<>();
        for (Component c : Harness.services()) {
            out.put(c.displayName(), HopBreakdown.between(before.get(c), after.get(c)));
        }
        return out;
    }

    private Result failed(Scenario s, Instant began, String why) {
        ctx.say("%s FAILED: %s", s.name(), why);
        Result r = new Result(s.name(), s.title());
        r.note("FAILED: %s", why);
        r.seconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
        r.system = "-";
        return r;
    }

    private synchronized void closeAll() {
        Harness c = current;
        if (c != null) {
            c.close();
            current = null;
        }
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
