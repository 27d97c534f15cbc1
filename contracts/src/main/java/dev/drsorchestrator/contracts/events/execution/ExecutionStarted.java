package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;

/** The execution started: its first waves are about to run. */
public record ExecutionStarted(ExecutionRef execution, int waveCount, int serverCount, String requestedBy)
        implements ExecutionLifecycleEvent {

    public ExecutionStarted {
        Require.nonNull(execution, "execution");
        Require.positive(waveCount, "waveCount");
        Require.nonNegative(serverCount, "serverCount");
        Require.text(requestedBy, "requestedBy");
    }
}
