package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.HopBreakdown.Hop;
import dev.drsorchestrator.benchmark.Stats.Summary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario measured: rows of figures (each a metric's n, p50, p99, max and mean), notes, named figures for
 * the JSON (ratios, counts), the per-hop breakdown of each service, and which system it ran on.
 */
public final class Result {

    /** One metric: its samples' summary in {@code unit}. */
    public record Row(String metric, String unit, Summary summary) {}

    public final String scenario;
    public final String title;
    public final List<Row> rows = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final Map<String, Object> figures = new LinkedHashMap<>();
    /** service → hop → figures, between the scrapes before and after the measured part. */
    public final Map<String, Map<String, Hop>> hops = new LinkedHashMap<>();

    public String system = "";
    public double seconds;

    public Result(String scenario, String title) {
        this.scenario = scenario;
        this.title = title;
    }

    public Result row(String metric, String unit, Collection<Double> samples) {
        rows.add(new Row(metric, unit, Summary.of(samples)));
        return this;
    }

    public Result note(String format, Object... args) {
        notes.add(String.format(java.util.Locale.ROOT, format, args));
        return this;
    }

    public Result figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    /** The first row named {@code metric}. */
    public Summary summary(String metric) {
        return rows.stream()
                .filter(r -> r.metric().equals(metric))
                .findFirst()
                .map(Row::summary)
                .orElse(Summary.NONE);
    }
}
