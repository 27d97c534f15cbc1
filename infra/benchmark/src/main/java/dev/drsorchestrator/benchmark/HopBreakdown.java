package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.Prometheus.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where an event's time goes inside one service, from the kit's hop timers ({@code kit.hop.publish}: commit →
 * published to the bus; {@code kit.hop.deliver}: published → received from the inbox queue; {@code kit.hop.handle}:
 * received → committed), read from two scrapes of the service's Prometheus endpoint: the histogram buckets' and
 * count's and sum's increase between them, over every {@code type}.
 */
public final class HopBreakdown {

    public static final List<String> HOPS = List.of("publish", "deliver", "handle");

    private HopBreakdown() {}

    /**
     * One hop of one service between two scrapes, in milliseconds: percentiles interpolated within the buckets
     * (as Prometheus's {@code histogram_quantile}), the mean from the sum and count, the max the timer's own (a
     * recent window, read from the second scrape). {@code available} is false when the service has no such timer.
     */
    public record Hop(
            boolean available,
            long count,
            @Nullable Double p50,
            @Nullable Double p99,
            @Nullable Double max,
            @Nullable Double mean) {

        static final Hop ABSENT = new Hop(false, 0, null, null, null, null);
    }

    /** Each hop's figures between {@code before} and {@code after} (scrapes of one service; null: no scrape). */
    public static Map<String, Hop> between(@Nullable List<Sample> before, @Nullable List<Sample> after) {
        Map<String, Hop> out = new LinkedHashMap<>();
        for (String hop : HOPS) {
            out.put(hop, hop(hop, before == null ? List.of() : before, after == null ? List.of() : after));
        }
        return out;
    }

    static Hop hop(String hop, List<Sample> before, List<Sample> after) {
        String base = "kit_hop_" + hop + "_seconds";
        if (after.stream().noneMatch(s -> s.name().equals(base + "_count"))) {
            return Hop.ABSENT;
        }
        long count = Math.round(total(after, base + "_count") - total(before, base + "_count"));
        double sum = total(after, base + "_sum") - total(before, base + "_sum");
        if (count <= 0) {
            return new Hop(true, 0, null, null, null, null);
        }
        TreeMap<Double, Double> buckets = buckets(after, base + "_bucket");
        TreeMap<Double, Double> earlier = buckets(before, base + "_bucket");
        earlier.forEach((le, v) -> buckets.merge(le, -v, Double::sum));
        Double max = after.stream()
                .filter(s -> s.name().equals(base + "_max"))
                .map(Sample::value)
                .max(Double::compare)
                .map(v -> v * 1000)
                .orElse(null);
        return new Hop(
                true,
                count,
                millisOrNull(quantile(buckets, 0.50)),
                millisOrNull(quantile(buckets, 0.99)),
                max,
                sum * 1000 / count);
    }

    /** The cumulative count of each bucket's upper bound ({@code le}), summed over every other label. */
    static TreeMap<Double, Double> buckets(List<Sample> samples, String name) {
        TreeMap<Double, Double> out = new TreeMap<>();
        for (Sample s : samples) {
            String le = s.labels().get("le");
            if (s.name().equals(name) && le != null) {
                out.merge(Prometheus.number(le), s.value(), Double::sum);
            }
        }
        return out;
    }

    /**
     * The q-quantile of cumulative buckets, interpolated linearly within the bucket it falls in (from the bucket
     * below's bound, or 0); in the +Inf bucket it is the highest finite bound. NaN when the buckets are empty.
     */
    static double quantile(TreeMap<Double, Double> cumulative, double q) {
        if (cumulative.isEmpty()) {
            return Double.NaN;
        }
        double total = cumulative.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        List<Map.Entry<Double, Double>> entries = new ArrayList<>(cumulative.entrySet());
        for (Map.Entry<Double, Double> e : entries) {
            double bound = e.getKey();
            double count = e.getValue();
            if (count >= rank) {
                if (Double.isInfinite(bound)) {
                    return lowerBound;
                }
                if (count == lowerCount) {
                    return bound;
                }
                return lowerBound + (bound - lowerBound) * (rank - lowerCount) / (count - lowerCount);
            }
            lowerBound = bound;
            lowerCount = count;
        }
        return lowerBound;
    }

    private static double total(List<Sample> samples, String name) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .mapToDouble(Sample::value)
                .sum();
    }

    private static @Nullable Double millisOrNull(double seconds) {
        return Double.isNaN(seconds) ? null : seconds * 1000;
    }
}
