package dev.drsorchestrator.execution;

import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionCommand;
import dev.drsorchestrator.contracts.events.execution.ExecutionEvent;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.kit.testing.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The test plays drs-adapter on the bus: answers execution-service's commands with the script's reports. */
public final class Adapter {

    final EventBus bus;
    final Fixtures.FakeAdapter script = new Fixtures.FakeAdapter(Instant.now());
    private final Set<String> answered = new HashSet<>();
    /** Publish every report twice, as two events (an at-least-once producer that retried). */
    boolean twice;

    public Adapter(EventBus bus) {
        this.bus = bus;
    }

    /** Answers every command for this execution not answered yet. */
    public void answer(ExecutionId id) {
        for (ExecutionCommand command :
                bus.all(ExecutionCommand.class, c -> c.executionId().equals(id))) {
            if (answered.add(command.executionId() + key(command))) {
                for (EventPayload report : script.answer(command)) {
                    bus.put(report, id.value());
                    if (twice) {
                        bus.put(report, id.value());
                    }
                }
            }
        }
    }

    /** Answers commands until execution-service publishes an event of {@code type} about this execution. */
    public <T extends ExecutionEvent> T runUntil(ExecutionId id, Class<T> type) {
        return await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            answer(id);
                            return bus.all(type, e -> e.executionId().equals(id));
                        },
                        found -> !found.isEmpty())
                .get(0);
    }

    public List<WaveLaunchRequested> launches(ExecutionId id) {
        return bus.all(WaveLaunchRequested.class, l -> l.executionId().equals(id));
    }

    private static String key(ExecutionCommand command) {
        if (command instanceof WaveLaunchRequested l) {
            return "L#" + l.waveId() + "#" + l.attempt();
        } else if (command instanceof WaveActionRequested a) {
            return "A#" + a.waveId() + "#" + a.action().actionId() + "#" + a.phase() + "#" + a.attempt();
        }
        DrillCleanupRequested c = (DrillCleanupRequested) command;
        return "C#" + c.reason() + "#" + c.requestedBy();
    }
}
