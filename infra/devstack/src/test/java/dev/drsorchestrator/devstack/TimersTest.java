package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.devstack.scheduler.Timers;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimersTest {
    @Test
    void aRecurringTimerKeepsFiringAndReArmingReplacesIt() {
        try (Timers timers = new Timers(Clock.systemUTC())) {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            timers.arm("k", after -> Optional.of(after.plusMillis(20)), first::incrementAndGet);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.get() >= 5);
            timers.arm("k", after -> Optional.of(after.plusMillis(20)), second::incrementAndGet);
            int firstAtReplace = first.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> second.get() >= 5);
            // the replaced timer stopped: at most one firing was already running when it was replaced
            assertThat(first.get()).isLessThanOrEqualTo(firstAtReplace + 1);
        }
    }
}
