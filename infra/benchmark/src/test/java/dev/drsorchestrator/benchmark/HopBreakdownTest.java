package dev.drsorchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drsorchestrator.benchmark.HopBreakdown.Hop;
import dev.drsorchestrator.benchmark.Prometheus.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopBreakdownTest {

    /** Micrometer's Prometheus output for a timer with a percentile histogram, two event types, before a run. */
    private static final String BEFORE = """
            # HELP kit_hop_publish_seconds commit to published
            # TYPE kit_hop_publish_seconds histogram
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="0.001"} 2.0
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="0.002"} 4.0
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="0.004"} 4.0
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="+Inf"} 4.0
            kit_hop_publish_seconds_count{type="WaveStarted"} 4.0
            kit_hop_publish_seconds_sum{type="WaveStarted"} 0.004
            # HELP kit_hop_publish_seconds_max commit to published
            # TYPE kit_hop_publish_seconds_max gauge
            kit_hop_publish_seconds_max{type="WaveStarted"} 0.0015
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/q/health/ready"} 3.0
            """;

    /** The same after: 10 more WaveStarted (6 ≤ 1 ms, 4 in 2-4 ms) and 10 of a new type, all in 1-2 ms. */
    private static final String AFTER = """
            # TYPE kit_hop_publish_seconds histogram
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="0.001"} 8.0
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="0.002"} 10.0
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="0.004"} 14.0
            kit_hop_publish_seconds_bucket{type="WaveStarted",le="+Inf"} 14.0
            kit_hop_publish_seconds_count{type="WaveStarted"} 14.0
            kit_hop_publish_seconds_sum{type="WaveStarted"} 0.024
            kit_hop_publish_seconds_bucket{type="Job \\"x\\", y",le="0.001"} 0.0
            kit_hop_publish_seconds_bucket{type="Job \\"x\\", y",le="0.002"} 10.0
            kit_hop_publish_seconds_bucket{type="Job \\"x\\", y",le="0.004"} 10.0
            kit_hop_publish_seconds_bucket{type="Job \\"x\\", y",le="+Inf"} 10.0
            kit_hop_publish_seconds_count{type="Job \\"x\\", y"} 10.0
            kit_hop_publish_seconds_sum{type="Job \\"x\\", y"} 1.5E-2
            kit_hop_publish_seconds_max{type="WaveStarted"} 0.0035
            kit_hop_publish_seconds_max{type="Job \\"x\\", y"} 0.0019
            """;

    @Test
    void readsSamplesWithEscapedLabelsExponentsAndInfinity() {
        List<Sample> samples = Prometheus.parse(AFTER);
        assertThat(samples).hasSize(14);
        Sample s = samples.get(10);
        assertThat(s.name()).isEqualTo("kit_hop_publish_seconds_count");
        assertThat(s.labels()).containsEntry("type", "Job \"x\", y");
        assertThat(samples.get(11).value()).isEqualTo(0.015);
        assertThat(Prometheus.parseLine("a_bucket{le=\"+Inf\"} 3 1700000000000").labels())
                .containsEntry("le", "+Inf");
        assertThat(Prometheus.parseLine("up 1").value()).isEqualTo(1.0);
    }

    @Test
    void aHopIsTheIncreaseBetweenTwoScrapesOverEveryType() {
        Hop publish = HopBreakdown.between(Prometheus.parse(BEFORE), Prometheus.parse(AFTER))
                .get("publish");
        assertThat(publish.available()).isTrue();
        assertThat(publish.count()).isEqualTo(20);
        // The increase: ≤1 ms: 6, ≤2 ms: 6 + 10 = 16, ≤4 ms: 20.
        // p50: rank 10 falls in (1, 2] ms, the 4th of its 10: 1 + 1 * 4/10 = 1.4 ms.
        assertThat(publish.p50()).isCloseTo(1.4, within(1e-9));
        // p99: rank 19.8 falls in (2, 4] ms, 3.8 of its 4: 2 + 2 * 3.8/4 = 3.9 ms.
        assertThat(publish.p99()).isCloseTo(3.9, within(1e-9));
        assertThat(publish.mean()).isCloseTo((0.020 + 0.015) * 1000 / 20, within(1e-9));
        assertThat(publish.max()).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void missingTimersAreNotAvailableAndAnIdleTimerHasNoFigures() {
        Map<String, Hop> none = HopBreakdown.between(Prometheus.parse(BEFORE), Prometheus.parse(BEFORE));
        assertThat(none.get("deliver").available()).isFalse();
        assertThat(none.get("handle").available()).isFalse();
        Hop idle = none.get("publish");
        assertThat(idle.available()).isTrue();
        assertThat(idle.count()).isZero();
        assertThat(idle.p50()).isNull();
        assertThat(HopBreakdown.between(null, null).get("publish").available()).isFalse();
        assertThat(Report.num(null)).isEqualTo("n/a");
    }

    @Test
    void aQuantileInTheInfBucketIsTheHighestFiniteBound() {
        var buckets = HopBreakdown.buckets(Prometheus.parse("""
                        t_bucket{le="0.5"} 1
                        t_bucket{le="1.0"} 2
                        t_bucket{le="+Inf"} 10
                        """), "t_bucket");
        assertThat(HopBreakdown.quantile(buckets, 0.99)).isEqualTo(1.0);
        assertThat(HopBreakdown.quantile(buckets, 0.05)).isCloseTo(0.25, within(1e-9));
    }
}
