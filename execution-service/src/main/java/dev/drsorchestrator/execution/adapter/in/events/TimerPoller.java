package dev.drsorchestrator.execution.adapter.in.events;

import dev.drsorchestrator.execution.application.ExecutionEngine;
import dev.drsorchestrator.execution.config.ExecutionConfig;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import dev.drsorchestrator.execution.domain.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Fires due timers. Timers are items written with the change that armed them, so they outlive any instance; each
 * instance looks for due ones every {@code execution.timers.poll-interval} and a timer fires once (its deletion
 * commits with the change it causes).
 */
@ApplicationScoped
class TimerPoller {

    private static final Logger LOG = Logger.getLogger(TimerPoller.class);

    private final ExecutionStore store;
    private final ExecutionEngine engine;
    private final ExecutionConfig config;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    TimerPoller(ExecutionStore store, ExecutionEngine engine, ExecutionConfig config, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes @Priority(310) StartupEvent event) {
        if (!config.timers().enabled()) {
            LOG.info("timers are not fired by this instance (execution.timers.enabled=false)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "execution-timers");
            t.setDaemon(true);
            return t;
        });
        long every = config.timers().pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::fireDue, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void fireDue() {
        List<Timer> due;
        try {
            due = store.dueTimers(clock.instant(), config.timers().batch());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "looking for due timers failed: %s; looking again in %s",
                    e, config.timers().pollInterval());
            return;
        }
        for (Timer timer : due) {
            MDC.put("correlationId", timer.executionId().value());
            try {
                engine.onTimer(timer);
            } catch (RuntimeException e) {
                LOG.warnf(e, "firing %s failed; it stays due and is fired again", timer.id());
            } finally {
                MDC.remove("correlationId");
            }
        }
    }
}
