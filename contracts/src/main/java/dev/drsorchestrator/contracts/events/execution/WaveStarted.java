package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.WaveRef;

/** A wave started (its approval gate, if any, passed): pre-actions, then the launch. */
public record WaveStarted(ExecutionRef execution, WaveRef wave, int attempt, int serverCount)
        implements ExecutionLifecycleEvent {

    public WaveStarted {
        Require.nonNull(execution, "execution");
        Require.nonNull(wave, "wave");
        Require.positive(attempt, "attempt");
        Require.nonNegative(serverCount, "serverCount");
    }
}
