package dev.drsorchestrator.benchmark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code infra/benchmark/run [scenario ...] [--quick]}: runs the scenarios (all by default, in their order), prints
 * each one's table as it ends, and writes {@code infra/benchmark/target/benchmarks.md} and {@code benchmark.json}.
 */
public final class Main {

    static final String USAGE = """
            usage: infra/benchmark/run [scenario ...] [--quick]
              scenarios (default: all, in this order):
                transition          wave transitions, event-driven (own system)
                transition-polling  the same with every DRS event dropped (own system)
                large               one execution of 1,000 servers: time outside DRS
                concurrent          50 executions requested at the same moment
                accounts            one execution of 3,000 servers over 10 DRS accounts; quota errors
                reads               REST reads at 200 requests/s, open loop, 30 s
                footprint           each process's start-up and memory (runs large first if not asked for)
              --quick               small sizes, for a smoke run (3 waves x 10 servers, 5 executions, 300 servers,
                                    10 s of reads)
              --reads-rate N        requests per second of the reads scenario (default 200)
            """;

    private static final Map<String, Supplier<Scenario>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("transition", () -> new TransitionScenario(false));
        SCENARIOS.put("transition-polling", () -> new TransitionScenario(true));
        SCENARIOS.put("large", LargeScenario::new);
        SCENARIOS.put("concurrent", ConcurrentScenario::new);
        SCENARIOS.put("accounts", AccountsScenario::new);
        SCENARIOS.put("reads", ReadsScenario::new);
        SCENARIOS.put("footprint", FootprintScenario::new);
    }

    private Main() {}

    public static void main(String[] argv) {
        PrintStream out = System.out;
        boolean quick = false;
        int readsRate = 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--reads-rate" -> readsRate = rate(argv, ++i);
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return;
                }
                case "all" -> names.addAll(SCENARIOS.keySet());
                default -> {
                    if (!SCENARIOS.containsKey(a)) {
                        System.err.println("infra/benchmark/run: unknown scenario or option '" + a + "'");
                        System.err.print(USAGE);
                        System.exit(2);
                    }
                    names.add(a);
                }
            }
        }
        List<Scenario> scenarios = scenarios(names);
        Path root = root();
        Sizes sizes = quick ? Sizes.QUICK : Sizes.FULL;
        Context ctx = new Context(root, readsRate > 0 ? sizes.withReadsPerSecond(readsRate) : sizes, out);
        String command = ("infra/benchmark/run " + String.join(" ", argv)).trim();
        ctx.say(
                "%s: %s%s",
                command,
                String.join(", ", scenarios.stream().map(Scenario::name).toList()),
                quick ? " (quick sizes)" : "");
        Instant began = Instant.now();
        String load = Machine.loadAverage();
        List<Result> results = new Runner(ctx).run(scenarios);
        Ratios.add(results);
        double seconds = Stats.millis(began, Instant.now()) / 1000;
        out.printf(Locale.ROOT, "%nAll results (%.0f s):%n", seconds);
        Report.print(results, out);
        Path target = root.resolve("infra/benchmark/target");
        new Report(command, Machine.describe(), results, seconds, load).write(target);
        out.println();
        out.println("written: " + target.resolve("benchmarks.md") + " and " + target.resolve("benchmark.json"));
        boolean failed = results.stream().anyMatch(r -> r.notes.stream().anyMatch(n -> n.startsWith("FAILED")));
        System.exit(failed ? 1 : 0);
    }

    private static int rate(String[] argv, int i) {
        try {
            int n = Integer.parseInt(i < argv.length ? argv[i] : "");
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        System.err.println("infra/benchmark/run: --reads-rate takes a number of requests per second, 1 to 10000");
        System.exit(2);
        return 0;
    }

    /** The scenarios in their canonical order, each once; footprint brings large with it. */
    static List<Scenario> scenarios(List<String> names) {
        List<String> wanted = new ArrayList<>(names.isEmpty() ? SCENARIOS.keySet() : names);
        if (wanted.contains("footprint")) {
            wanted.add("large");
        }
        List<Scenario> out = new ArrayList<>();
        SCENARIOS.forEach((name, make) -> {
            if (wanted.contains(name)) {
                out.add(make.get());
            }
        });
        return out;
    }

    /** The repository: {@code drs.root}, else the working directory or a parent of it with infra/benchmark. */
    static Path root() {
        String configured = System.getProperty("drs.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("infra/benchmark/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "run this from the DRS Orchestrator repository (no infra/benchmark/pom.xml in " + start + " or above)");
    }
}
