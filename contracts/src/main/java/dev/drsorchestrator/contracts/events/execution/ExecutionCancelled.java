package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ServerCounts;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An operator cancelled the execution: no new waves or actions; jobs in flight finish and are recorded. */
public record ExecutionCancelled(
        ExecutionRef execution,
        String cancelledBy,
        @Nullable String reason,
        Instant cancelledAt,
        ServerCounts counts) implements ExecutionLifecycleEvent {

    public ExecutionCancelled {
        Require.nonNull(execution, "execution");
        Require.text(cancelledBy, "cancelledBy");
        Require.nonNull(cancelledAt, "cancelledAt");
        Require.nonNull(counts, "counts");
    }
}
