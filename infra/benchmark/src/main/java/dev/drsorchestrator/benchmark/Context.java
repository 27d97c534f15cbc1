package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.local.Component;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the scenarios of one run share: the sizes, where to print, and what an earlier scenario left for a later one. */
public final class Context {

    public final Path root;
    public final Sizes sizes;
    public final PrintStream out;
    private final Instant started = Instant.now();

    /** An execution, its plan and one of its groups, for the reads (left by the large scenario). */
    public @Nullable String executionId;

    /** How many servers that execution has. */
    public int executionServers;

    public @Nullable String planId;
    public @Nullable String groupId;

    /** Each process's resident memory (MiB) right after the large scenario, for the footprint. */
    public final Map<Component, Double> rssAfterLarge = new EnumMap<>(Component.class);

    public Context(Path root, Sizes sizes, PrintStream out) {
        this.root = root;
        this.sizes = sizes;
        this.out = out;
    }

    /** A progress line, with the seconds since the run began. */
    public void say(String format, Object... args) {
        double s = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
        out.printf(java.util.Locale.ROOT, "[%7.1fs] %s%n", s, String.format(java.util.Locale.ROOT, format, args));
    }
}
