package dev.drsorchestrator.notifier.adapter.in.events;

import dev.drsorchestrator.notifier.application.NotificationService;
import dev.drsorchestrator.notifier.config.NotifierConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes sure the default topic exists at start, then sends what is PENDING and due, every
 * {@code notifier.publish.sweep-interval}: notifications a crash left unsent and those waiting after an SNS error.
 */
@ApplicationScoped
class PublishSweep {

    private static final Logger LOG = Logger.getLogger(PublishSweep.class);

    private final NotificationService notifications;
    private final NotifierConfig config;
    private ScheduledExecutorService scheduler;

    PublishSweep(NotificationService notifications, NotifierConfig config) {
        this.notifications = notifications;
        this.config = config;
    }

    void start(@Observes @Priority(310) StartupEvent event) {
        try {
            LOG.infof("default notification topic: %s", notifications.defaultTopic());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "the default topic is not reachable yet (%s); it is looked up again on first use", e.getMessage());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notifier-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = config.publish().sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void sweep() {
        try {
            notifications.sweep();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "publish sweep failed: %s; it runs again in %s",
                    e.getMessage(), config.publish().sweepInterval());
        }
    }
}
