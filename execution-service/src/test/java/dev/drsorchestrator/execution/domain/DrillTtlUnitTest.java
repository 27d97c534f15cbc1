package dev.drsorchestrator.execution.domain;

import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.execution.Fixtures;
import dev.drsorchestrator.execution.adapter.out.dynamodb.ExecutionJson;
import dev.drsorchestrator.execution.domain.ExecutionMachine.Input;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code execution.drill-ttl-unit}: how long one minute of the drill's TTL lasts, kept with the execution. */
class DrillTtlUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aShortenedUnitSchedulesTheCleanupThatManyUnitsAfterTheDrillEnds() {
        ExecutionRequested request = Fixtures.request(ExecutionType.DRILL, threeTiers());
        Execution e = ExecutionMachine.request(request, ActiveExecutions.none(), NOW, Duration.ofSeconds(1))
                .state();
        // Kept with the state, so the instance that ends the drill uses the unit it was requested with.
        Execution stored = ExecutionJson.read(ExecutionJson.write(e));
        Instant end = NOW.plusSeconds(5);
        ExecutionMachine.apply(
                stored, new Input.Operator(new Control(Control.Kind.CANCEL, "bob", null, "done", null)), end);
        assertThat(stored.cleanup.status).isEqualTo(Cleanup.Status.SCHEDULED);
        assertThat(stored.cleanup.dueAt)
                .isEqualTo(end.plusSeconds(request.drillOptions().drillTtlMinutes()));
    }

    @Test
    void withoutAUnitAMinuteIsAMinute() {
        ExecutionRequested request = Fixtures.request(ExecutionType.DRILL, threeTiers());
        Execution e =
                ExecutionMachine.request(request, ActiveExecutions.none(), NOW).state();
        ExecutionMachine.apply(e, new Input.Operator(new Control(Control.Kind.CANCEL, "bob", null, "done", null)), NOW);
        assertThat(e.cleanup.dueAt)
                .isEqualTo(NOW.plus(Duration.ofMinutes(request.drillOptions().drillTtlMinutes())));
    }
}
