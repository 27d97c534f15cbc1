package dev.drsorchestrator.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.WaveStarted;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.contracts.model.WaveRef;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aLongNonAsciiPlanNameStillMakesAnAsciiSubjectUnder100Characters() {
        ExecutionRef x = ref("Zahlungsverkehr – Rechenzentrum Süd ".repeat(5), ExecutionType.DRILL);
        MessageRenderer.Rendered r = MessageRenderer.render(
                new WaveStarted(x, new WaveRef(WaveId.of("db"), "database tier", 1, 4), 1, 12),
                EventMetadata.first(x.executionId().value(), "test", NOW),
                NOW,
                "http://exec");
        assertThat(r.subject())
                .hasSizeLessThan(100)
                .matches("[\\x20-\\x7e]+")
                .startsWith("DRILL of Zahlungsverkehr ? ");
        assertThat(r.subject()).endsWith("...: wave 1/4 'database tier' started - 12 servers");
        assertThat(r.attributes()).containsEntry("planName", x.planName()).containsEntry("status", "WAVE_STARTED");
    }

    @Test
    void aFailedRecoveryIsCriticalAndAFailedDrillAWarning() {
        for (ExecutionType type : ExecutionType.values()) {
            ExecutionRef x = ref("web-shop", type);
            MessageRenderer.Rendered r = MessageRenderer.render(
                    new ExecutionFailed(
                            x, "db failed", null, NOW.minusSeconds(4000), NOW, new ServerCounts(1, 0, 1, 0, 0)),
                    EventMetadata.first(x.executionId().value(), "test", NOW),
                    NOW,
                    "http://exec");
            assertThat(r.severity()).isEqualTo(type == ExecutionType.DRILL ? Severity.WARNING : Severity.CRITICAL);
            assertThat(r.text()).contains("RTO EXCEEDED");
        }
    }

    private static ExecutionRef ref(String plan, ExecutionType type) {
        return new ExecutionRef(
                ExecutionId.random(),
                PlanId.of("plan-" + UUID.randomUUID()),
                plan,
                type,
                TriggerType.USER,
                3600,
                NOW.minusSeconds(4000),
                null);
    }
}
