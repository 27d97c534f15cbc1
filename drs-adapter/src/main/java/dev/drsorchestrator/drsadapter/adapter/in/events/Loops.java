package dev.drsorchestrator.drsadapter.adapter.in.events;

import dev.drsorchestrator.drsadapter.application.ActionService;
import dev.drsorchestrator.drsadapter.application.Dispatcher;
import dev.drsorchestrator.drsadapter.application.FailbackService;
import dev.drsorchestrator.drsadapter.application.InventoryService;
import dev.drsorchestrator.drsadapter.application.Tracker;
import dev.drsorchestrator.drsadapter.application.Wakeup;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The adapter's background work, one thread each: the launch queue, job tracking, wave actions and inventory sync.
 * Each wakes at its interval or at once when there is work for it (a planned wave, a DRS event, a completed job).
 * Everything they act on is in DynamoDB, so any instance can pick up where a crashed one stopped.
 */
@ApplicationScoped
class Loops {

    private static final Logger LOG = Logger.getLogger(Loops.class);

    private final Dispatcher dispatcher;
    private final Tracker tracker;
    private final ActionService actions;
    private final InventoryService inventory;
    private final FailbackService failbacks;
    private final DrsConfig config;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    Loops(
            Dispatcher dispatcher,
            Tracker tracker,
            ActionService actions,
            InventoryService inventory,
            FailbackService failbacks,
            DrsConfig config,
            Clock clock) {
        this.failbacks = failbacks;
        this.dispatcher = dispatcher;
        this.tracker = tracker;
        this.actions = actions;
        this.inventory = inventory;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes @Priority(320) StartupEvent event) {
        running.set(true);
        if (config.dispatch().enabled()) {
            loop("drs-launch-queue", dispatcher.wakeup(), config.dispatch().interval(), dispatcher::tick);
            loop("drs-job-tracker", tracker.wakeup(), config.tracking().tick(), tracker::tick);
            loop("drs-wave-actions", actions.wakeup(), Duration.ofSeconds(1), actions::tick);
            loop("drs-failbacks", failbacks.wakeup(), config.tracking().tick(), failbacks::tick);
        } else {
            LOG.info("this instance does not launch or track jobs (drs.dispatch.enabled=false)");
        }
        if (config.inventory().enabled()) {
            Map<String, Instant> lastSync = new HashMap<>();
            loop("drs-inventory", inventory.wakeup(), Duration.ofSeconds(1), () -> {
                Instant now = clock.instant();
                for (Scope s : inventory.takeDirty()) {
                    inventory.sync(s);
                    lastSync.put(s.key(), now);
                }
                for (Scope s : inventory.scopes()) {
                    Instant last = lastSync.computeIfAbsent(s.key(), k -> inventory.lastAttempt(s));
                    if (!now.isBefore(last.plus(config.inventory().syncInterval()))) {
                        inventory.sync(s);
                        lastSync.put(s.key(), now);
                    }
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        threads.forEach(Thread::interrupt);
        actions.stop();
    }

    private void loop(String name, Wakeup wakeup, Duration every, Runnable tick) {
        Thread t = new Thread(
                () -> {
                    while (running.get()) {
                        try {
                            wakeup.await(every);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (!running.get()) {
                            return;
                        }
                        try {
                            tick.run();
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "%s: a pass failed; the next one runs in %s", name, every);
                        }
                    }
                },
                name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }
}
