package dev.drsorchestrator.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Percentiles of samples and the union of time intervals: the arithmetic every scenario shares. */
public final class Stats {

    private Stats() {}

    /** n, p50, p99, max and mean of a set of samples (milliseconds); all null when there are none. */
    public record Summary(
            int n,
            @Nullable Double p50,
            @Nullable Double p99,
            @Nullable Double max,
            @Nullable Double mean) {

        public static final Summary NONE = new Summary(0, null, null, null, null);

        public static Summary of(Collection<Double> samples) {
            if (samples.isEmpty()) {
                return NONE;
            }
            double[] sorted =
                    samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double sum = 0;
            for (double v : sorted) {
                sum += v;
            }
            return new Summary(
                    sorted.length,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    sorted[sorted.length - 1],
                    sum / sorted.length);
        }
    }

    /**
     * The nearest-rank percentile of sorted samples: the smallest sample with at least {@code q} of the samples at or
     * below it (so p99 of fewer than 100 samples is the maximum).
     */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (q <= 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** A time interval; an end before its start counts as empty. */
    public record Interval(Instant start, Instant end) {}

    /** How long at least one of the intervals was open (overlaps counted once). */
    public static Duration union(Collection<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(
                intervals.stream().filter(i -> i.end().isAfter(i.start())).toList());
        sorted.sort(Comparator.comparing(Interval::start));
        Duration total = Duration.ZERO;
        Instant start = null;
        Instant end = null;
        for (Interval i : sorted) {
            if (end == null || i.start().isAfter(end)) {
                if (end != null) {
                    total = total.plus(Duration.between(start, end));
                }
                start = i.start();
                end = i.end();
            } else if (i.end().isAfter(end)) {
                end = i.end();
            }
        }
        if (end != null) {
            total = total.plus(Duration.between(start, end));
        }
        return total;
    }

    /** Milliseconds, with the microseconds devstack's and the services' timestamps carry. */
    public static double millis(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }

    public static double millis(Instant from, Instant to) {
        return millis(Duration.between(from, to));
    }
}
