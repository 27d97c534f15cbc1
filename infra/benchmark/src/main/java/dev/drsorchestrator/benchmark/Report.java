package dev.drsorchestrator.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drsorchestrator.benchmark.HopBreakdown.Hop;
import dev.drsorchestrator.benchmark.Result.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The run's figures: a table on the terminal, {@code benchmarks.md} and {@code benchmark.json}. */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String command;
    private final ZonedDateTime date = ZonedDateTime.now();
    private final Machine machine;
    private final List<Result> results;
    private final double seconds;
    private final String loadBefore;

    public Report(String command, Machine machine, List<Result> results, double seconds, String loadBefore) {
        this.command = command;
        this.machine = machine;
        this.results = results;
        this.seconds = seconds;
        this.loadBefore = loadBefore;
    }

    /** The table of every scenario's rows, as the terminal shows it. */
    public static void print(List<Result> results, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%n%-20s %-44s %6s %10s %10s %10s %10s  %s%n",
                "scenario",
                "metric",
                "n",
                "p50",
                "p99",
                "max",
                "mean",
                "unit");
        for (Result r : results) {
            for (Row row : r.rows) {
                out.print(line("%-20s %-44s %6d %10s %10s %10s %10s  %s%n", r, row));
            }
            r.notes.forEach(n -> out.printf("%-20s   %s%n", "", n));
        }
    }

    public void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("benchmarks.md"), markdown());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", command);
            json.put("date", date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            json.put("seconds", seconds);
            json.put("machine", machine);
            json.put("loadAverageAtStart", loadBefore);
            json.put("loadAverageAtEnd", Machine.loadAverage());
            json.put("scenarios", results.stream().map(Report::json).toList());
            JSON.writeValue(folder.resolve("benchmark.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + folder, e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# DRS Orchestrator benchmark\n\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- date: ")
                .append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(String.format(Locale.ROOT, " (the run took %.0f s)%n", seconds));
        md.append("- machine: ")
                .append(machine.nproc())
                .append(" processors (nproc), ")
                .append(machine.memory())
                .append(" RAM, ")
                .append(machine.cpu())
                .append(", ")
                .append(machine.os())
                .append('\n');
        md.append("- java -version: `").append(machine.jdk()).append("`\n");
        md.append("- load average (1/5/15 min): ")
                .append(loadBefore)
                .append(" when the run began, ")
                .append(Machine.loadAverage())
                .append(" when it ended (the system under test itself is 6 JVMs on these cores)\n\n");
        md.append("Times in milliseconds unless the unit says otherwise. Percentiles are nearest-rank over the samples"
                + " (p99 of fewer than 100 samples is their maximum).\n\n");
        md.append(
                "| scenario | metric | n | p50 | p99 | max | mean | unit |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            for (Row row : r.rows) {
                md.append(line("| %s | %s | %d | %s | %s | %s | %s | %s |%n", r, row));
            }
        }
        md.append('\n');
        for (Result r : results) {
            md.append("## ").append(r.scenario).append(": ").append(r.title).append("\n\n");
            md.append(String.format(Locale.ROOT, "System: %s. Took %.0f s.%n%n", r.system, r.seconds));
            r.notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
            hops(r, md);
        }
        return md.toString();
    }

    private static void hops(Result r, StringBuilder md) {
        if (r.hops.isEmpty()) {
            return;
        }
        if (r.hops.values().stream().flatMap(m -> m.values().stream()).noneMatch(Hop::available)) {
            md.append("Per-hop breakdown: n/a (no service has the kit.hop.publish, kit.hop.deliver or kit.hop.handle"
                    + " timers on /q/metrics).\n\n");
            return;
        }
        md.append("Per-hop breakdown (kit.hop.* timers, increase over the measured part):\n\n");
        md.append("| service | hop | count | p50 | p99 | max | mean |\n|---|---|---:|---:|---:|---:|---:|\n");
        r.hops.forEach((service, hops) -> hops.forEach((hop, h) -> md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s |%n",
                service,
                hop,
                h.available() ? String.valueOf(h.count()) : "n/a",
                hopNum(h, h.p50()),
                hopNum(h, h.p99()),
                hopNum(h, h.max()),
                hopNum(h, h.mean())))));
        md.append('\n');
    }

    private static Map<String, Object> json(Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scenario", r.scenario);
        o.put("title", r.title);
        o.put("system", r.system);
        o.put("seconds", r.seconds);
        o.put("rows", r.rows);
        o.put("figures", r.figures);
        o.put("notes", r.notes);
        o.put("hops", r.hops);
        return o;
    }

    private static String hopNum(Hop h, @Nullable Double v) {
        return h.available() ? num(v) : "n/a";
    }

    static String num(@Nullable Double v) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        double a = Math.abs(v);
        String format = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, v);
    }

    /** One row of the summary table in {@code format}: scenario, metric, n, p50, p99, max, mean, unit. */
    private static String line(String format, Result r, Row row) {
        return String.format(
                Locale.ROOT,
                format,
                r.scenario,
                row.metric(),
                row.summary().n(),
                num(row.summary().p50()),
                num(row.summary().p99()),
                num(row.summary().max()),
                num(row.summary().mean()),
                row.unit());
    }
}
