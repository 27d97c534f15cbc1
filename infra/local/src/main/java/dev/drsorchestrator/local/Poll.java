package dev.drsorchestrator.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The launcher's waits for state it can only read through REST (a catalog that has heard of the servers, a plan
 * service that knows the groups). Tests assert with Awaitility; this is for the run command and shared set-up.
 */
public final class Poll {

    private Poll() {}

    /**
     * Calls {@code check} every {@code interval} until it gives a value; an exception ends the wait at once.
     *
     * @throws IllegalStateException after {@code timeout}, saying what was waited for
     */
    public static <T> T until(String what, Duration timeout, Duration interval, Supplier<Optional<T>> check) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> value = check.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(interval);
        }
    }

    /** Pauses the calling thread (the run command's progress display between two reads). */
    public static void pause(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
