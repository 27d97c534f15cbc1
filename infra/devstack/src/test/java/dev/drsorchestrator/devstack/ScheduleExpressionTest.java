package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.devstack.scheduler.ScheduleExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void cronRunsInItsTimeZoneWithAwsFields() {
        ScheduleExpression weekdays = ScheduleExpression.parse("cron(0 2 ? * MON-FRI *)", true);
        assertThat(weekdays.next(NOW, NOW, ZoneId.of("Europe/Berlin"))).contains(Instant.parse("2026-11-24T01:00:00Z"));
        ScheduleExpression lastDay = ScheduleExpression.parse("cron(0 12 L * ? *)", false);
        assertThat(lastDay.next(NOW, NOW, ZoneOffset.UTC)).contains(Instant.parse("2026-11-30T12:00:00Z"));
        ScheduleExpression secondMonday = ScheduleExpression.parse("cron(0 0 ? * 2#2 *)", false);
        assertThat(secondMonday.next(NOW, NOW, ZoneOffset.UTC)).contains(Instant.parse("2026-12-14T00:00:00Z"));
    }

    @Test
    void rateCountsFromItsAnchorAndAtFiresOnce() {
        ScheduleExpression rate = ScheduleExpression.parse("rate(5 minutes)", false);
        Instant anchor = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(rate.next(NOW, anchor, ZoneOffset.UTC)).contains(Instant.parse("2026-11-23T10:20:00Z"));
        ScheduleExpression at = ScheduleExpression.parse("at(2026-11-23T12:00:00)", true);
        assertThat(at.next(NOW, NOW, ZoneId.of("Asia/Tokyo"))).isEmpty();
        assertThat(at.next(NOW, NOW, ZoneOffset.UTC)).contains(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(at.oneTime()).isTrue();
    }

    @Test
    void badExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)", false))
                .hasMessageContaining("singular");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(2 minute)", false))
                .hasMessageContaining("plural");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 * *)", false))
                .hasMessageContaining("6 fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-11-23T12:00:00)", false))
                .hasMessageContaining("not rules");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(99 2 ? * * *)", false))
                .hasMessageContaining("not valid");
    }
}
