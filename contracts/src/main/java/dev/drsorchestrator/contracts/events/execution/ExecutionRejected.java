package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An execution request was refused, for example because the plan or one of its servers is in another active execution. */
public record ExecutionRejected(
        ExecutionRef execution,
        String reason,
        @Nullable ExecutionId conflictingExecutionId,
        List<SourceServerId> conflictingServers)
        implements ExecutionLifecycleEvent {

    public ExecutionRejected {
        Require.nonNull(execution, "execution");
        Require.text(reason, "reason");
        conflictingServers = Require.list(conflictingServers, "conflictingServers");
    }
}
