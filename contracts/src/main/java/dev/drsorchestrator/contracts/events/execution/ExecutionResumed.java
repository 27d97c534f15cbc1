package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import org.jspecify.annotations.Nullable;

/** An operator resumed a paused execution. */
public record ExecutionResumed(
        ExecutionRef execution, String resumedBy, @Nullable String comment) implements ExecutionLifecycleEvent {

    public ExecutionResumed {
        Require.nonNull(execution, "execution");
        Require.text(resumedBy, "resumedBy");
    }
}
