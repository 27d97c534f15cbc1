package dev.drsorchestrator.benchmark;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The comparisons asked for beside the figures: polling against event-driven wave transitions, and both against the
 * seed design, which polled DRS every 30 s (about 15 s to notice a job's end, on average, per wave).
 */
final class Ratios {

    static final double SEED_DESIGN_MS = 15_000;

    private Ratios() {}

    static void add(List<Result> results) {
        Optional<Result> events = find(results, "transition");
        Optional<Result> polling = find(results, "transition-polling");
        for (Result r :
                List.of(events, polling).stream().flatMap(Optional::stream).toList()) {
            Double p50 = r.summary("wave transition").p50();
            if (p50 != null && p50 > 0) {
                r.note(
                        "the seed design (DRS polled every 30 s, ~15 s to notice a job's end) / this p50: %.1fx",
                        SEED_DESIGN_MS / p50);
                r.figure("seedDesignRatio", SEED_DESIGN_MS / p50);
            }
        }
        if (events.isPresent() && polling.isPresent()) {
            Double e = p50(events.get());
            Double p = p50(polling.get());
            if (e != null && p != null && e > 0) {
                polling.get()
                        .note(
                                "polling / event-driven: %.1fx at p50 (%.0f ms / %.0f ms), %.1fx at p99",
                                p / e,
                                p,
                                e,
                                ratio(
                                        polling.get().summary("wave transition").p99(),
                                        events.get().summary("wave transition").p99()));
                polling.get().figure("pollingOverEventsP50", p / e);
            }
        }
    }

    private static @Nullable Double p50(Result r) {
        return r.summary("wave transition").p50();
    }

    private static double ratio(@Nullable Double a, @Nullable Double b) {
        return a == null || b == null || b == 0 ? Double.NaN : a / b;
    }

    private static Optional<Result> find(List<Result> results, String name) {
        return results.stream().filter(r -> r.scenario.equals(name)).findFirst();
    }
}
