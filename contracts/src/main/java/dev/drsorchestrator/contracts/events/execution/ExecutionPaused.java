package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.WaveRef;
import org.jspecify.annotations.Nullable;

/** The execution paused, by an operator or by a wave failure under the PAUSE policy. */
public record ExecutionPaused(
        ExecutionRef execution,
        String reason,
        String pausedBy,
        @Nullable WaveRef wave) implements ExecutionLifecycleEvent {

    public ExecutionPaused {
        Require.nonNull(execution, "execution");
        Require.text(reason, "reason");
        Require.text(pausedBy, "pausedBy");
    }
}
