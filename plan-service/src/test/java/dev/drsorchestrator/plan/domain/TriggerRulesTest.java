package dev.drsorchestrator.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.model.ExecutionType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TriggerRulesTest {

    @Test
    void recoveryWaitsForApprovalByDefaultAndADrillDoesNot() {
        assertThat(AlarmBinding.defaultMode(ExecutionType.RECOVERY)).isEqualTo(AlarmBinding.Mode.APPROVAL);
        assertThat(AlarmBinding.defaultMode(ExecutionType.DRILL)).isEqualTo(AlarmBinding.Mode.AUTO);
    }

    @Test
    void theCooldownEndsCooldownMinutesAfterTheLastAlarm() {
        AlarmBinding binding = new AlarmBinding("a", ExecutionType.RECOVERY, AlarmBinding.Mode.AUTO, 30);
        assertThat(binding.cooldownEnd(Instant.parse("2026-11-23T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
    }

    @Test
    void scheduleExpressionsAndTimeZonesAreCheckedWithAReason() {
        assertThat(new DrillSchedule("cron(0 2 ? * SUN *)", "Europe/Berlin", true, null).violations())
                .isEmpty();
        assertThat(new DrillSchedule("rate(7 days)", "UTC", true, null).violations())
                .isEmpty();
        assertThat(new DrillSchedule("rate(1 days)", "UTC", true, null).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("singular unit for 1"));
        assertThat(new DrillSchedule("cron(0 2 * * SUN)", "UTC", true, null).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("has 5 fields"));
        assertThat(new DrillSchedule("cron(0 2 1 * SUN *)", "UTC", true, null).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("must be '?'"));
        assertThat(new DrillSchedule("every sunday", "Mars/Olympus", true, null).violations())
                .extracting(Violation::field)
                .containsExactly("expression", "timezone");
    }
}
