package dev.drsorchestrator.devstack.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires keyed jobs on their schedule's next time, then asks again. Used by EventBridge schedule rules and by
 * Scheduler schedules; the DRS simulator uses {@link #after} for its job timings.
 */
public final class Timers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Timers.class.getName());

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    public Timers(Clock clock) {
        this.clock = clock;
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "devstack-timers");
            t.setDaemon(true);
            return t;
        });
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Arms {@code key}: {@code nextAfter} gives the next fire time after an instant (empty: done); {@code fire}
     * runs at that time, and then the key is armed for the time after that. Re-arming a key replaces its timer.
     */
    public void arm(String key, Function<Instant, Optional<Instant>> nextAfter, Runnable fire) {
        cancel(key);
        long version = versions.merge(key, 1L, Long::sum);
        schedule(key, version, nextAfter, fire, clock.instant());
    }

    private void schedule(
            String key, long version, Function<Instant, Optional<Instant>> nextAfter, Runnable fire, Instant after) {
        Instant now = clock.instant();
        nextAfter.apply(after).ifPresent(when -> {
            long delay = Math.max(0, Duration.between(now, when).toMillis());
            pending.put(
                    key,
                    executor.schedule(
                            () -> {
                                try {
                                    fire.run();
                                } catch (RuntimeException e) {
                                    LOG.log(Level.WARNING, "timer " + key + " failed", e);
                                }
                                // still this arming (not cancelled or replaced meanwhile): on to the next time after
                                // this one
                                if (versions.getOrDefault(key, 0L) == version && pending.containsKey(key)) {
                                    schedule(key, version, nextAfter, fire, when);
                                }
                            },
                            delay,
                            TimeUnit.MILLISECONDS));
        });
    }

    public void cancel(String key) {
        ScheduledFuture<?> f = pending.remove(key);
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Runs a task once after a delay (zero runs it at once on the timer thread). */
    public void after(Duration delay, Runnable task) {
        executor.schedule(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "delayed task failed", e);
                    }
                },
                Math.max(0, delay.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
