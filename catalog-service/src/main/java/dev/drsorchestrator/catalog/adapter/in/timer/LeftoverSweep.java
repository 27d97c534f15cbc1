package dev.drsorchestrator.catalog.adapter.in.timer;

import dev.drsorchestrator.catalog.application.ScopeCoordinator;
import dev.drsorchestrator.catalog.config.CatalogConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Finishes server assignments that a crash left between a committed group change and the server records. */
@ApplicationScoped
class LeftoverSweep {

    private static final Logger LOG = Logger.getLogger(LeftoverSweep.class);

    private final ScopeCoordinator coordinator;
    private final CatalogConfig config;
    private ScheduledExecutorService timer;

    LeftoverSweep(ScopeCoordinator coordinator, CatalogConfig config) {
        this.coordinator = coordinator;
        this.config = config;
    }

    void start(@Observes @Priority(250) StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-leftover-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = config.leftoverSweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweep() {
        try {
            int finished = coordinator.finishLeftovers();
            if (finished > 0) {
                LOG.infof("finished the server assignments of %d scope(s) that a crash left", finished);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "leftover sweep failed (%s); it runs again in %s", e.getMessage(), config.leftoverSweepInterval());
        }
    }
}
