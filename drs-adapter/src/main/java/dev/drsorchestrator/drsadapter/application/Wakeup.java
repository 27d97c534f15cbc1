package dev.drsorchestrator.drsadapter.application;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a loop sleep until its interval passes or someone has work for it now (a wave planned, a job completed). */
public final class Wakeup {

    private final Semaphore permits = new Semaphore(0);

    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits up to {@code max} for a signal; returns early when one comes. */
    public void await(Duration max) throws InterruptedException {
        if (permits.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
