package dev.drsorchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.benchmark.Stats.Interval;
import dev.drsorchestrator.benchmark.Stats.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void percentilesAreNearestRank() {
        List<Double> hundred = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            hundred.add((double) i);
        }
        Summary s = Summary.of(hundred);
        assertThat(s.n()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p99()).isEqualTo(99.0);
        assertThat(s.max()).isEqualTo(100.0);
        assertThat(s.mean()).isEqualTo(50.5);
    }

    @Test
    void p99OfFewSamplesIsTheMaximum() {
        Summary s = Summary.of(List.of(5.0, 1.0, 9.0, 3.0, 7.0, 2.0, 8.0, 4.0, 6.0));
        assertThat(s.p50()).isEqualTo(5.0);
        assertThat(s.p99()).isEqualTo(9.0);
        assertThat(Summary.of(List.of(42.0)).p50()).isEqualTo(42.0);
        assertThat(Summary.of(List.of())).isEqualTo(Summary.NONE);
    }

    @Test
    void theUnionCountsOverlapsOnceAndGapsNotAtAll() {
        List<Interval> intervals = List.of(
                interval(0, 100),
                interval(50, 150), // overlaps the first
                interval(120, 130), // inside
                interval(200, 300), // after a 50 ms gap
                interval(300, 310), // touching
                interval(400, 390)); // empty
        assertThat(Stats.union(intervals)).isEqualTo(Duration.ofMillis(150 + 110));
        assertThat(Stats.union(List.of())).isEqualTo(Duration.ZERO);
    }

    @Test
    void millisKeepMicroseconds() {
        assertThat(Stats.millis(T, T.plusNanos(1_500_000))).isEqualTo(1.5);
    }

    private static Interval interval(long fromMs, long toMs) {
        return new Interval(T.plusMillis(fromMs), T.plusMillis(toMs));
    }
}
