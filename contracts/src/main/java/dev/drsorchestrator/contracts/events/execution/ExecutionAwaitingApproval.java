package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ApprovalScope;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.WaveRef;
import org.jspecify.annotations.Nullable;

/** The execution (scope EXECUTION) or one wave (scope WAVE) waits for an operator: {@code POST approvePath}. */
public record ExecutionAwaitingApproval(
        ExecutionRef execution,
        ApprovalScope scope,
        @Nullable WaveRef wave,
        @Nullable String message,
        String approvePath)
        implements ExecutionLifecycleEvent {

    public ExecutionAwaitingApproval {
        Require.nonNull(execution, "execution");
        Require.nonNull(scope, "scope");
        if (scope == ApprovalScope.WAVE) {
            Require.nonNull(wave, "wave");
        }
        Require.text(approvePath, "approvePath");
    }
}
