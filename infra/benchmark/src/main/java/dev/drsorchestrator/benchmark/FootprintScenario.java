package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.local.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each process's start-up (its process seen → its readiness endpoint answering 200, polled every 10 ms, while the
 * launcher starts devstack, then the five services at once) and resident memory right after the large scenario.
 */
public final class FootprintScenario implements Scenario {

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public String title() {
        return "start-up and memory per process";
    }

    @Override
    public void prepare(Harness h, Context ctx) {
        // Measured while the system started, and after the large scenario, which the runner runs before this.
    }

    @Override
    public Result measure(Harness h, Context ctx) {
        Result r = new Result(name(), title());
        Map<Component, Duration> ready = h.startup.ready();
        double rss = 0;
        List<Double> services = new ArrayList<>();
        for (Component c : Component.values()) {
            if (ready.containsKey(c)) {
                r.row(c.displayName() + " start -> ready", "ms", List.of(Stats.millis(ready.get(c))));
            }
        }
        for (Component c : Component.values()) {
            Double mib = ctx.rssAfterLarge.get(c);
            if (mib != null) {
                r.row(c.displayName() + " RSS after large", "MiB", List.of(mib));
                rss += mib;
                if (c.isService()) {
                    services.add(mib);
                }
            }
        }
        r.note("devstack starts first and alone; then the five services at once, on the same cores, so each"
                + " service's start-up includes waiting for the CPU the other four use");
        r.note("RSS (VmRSS) right after the large scenario: %.0f MiB for devstack and the five services together", rss);
        r.figure("rssTotalMiB", rss);
        r.figure("servicesRssMiB", services);
        return r;
    }
}
