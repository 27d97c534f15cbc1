package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.model.ApprovalScope;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.WaveRef;
import org.jspecify.annotations.Nullable;

/**
 * The execution (scope EXECUTION) or one wave (scope WAVE) waits for an operator: {@code POST approvePath}.
 *
 * @param approvals scope EXECUTION: distinct approvals received so far (published again after each approval that
 *     still leaves some missing)
 * @param requiredApprovals scope EXECUTION: how many distinct approvers, none of them the requester, must approve
 * @param requestedBy scope EXECUTION: who requested it, and so cannot approve it (the two-person rule)
 */
public record ExecutionAwaitingApproval(
        ExecutionRef execution,
        ApprovalScope scope,
        @Nullable WaveRef wave,
        @Nullable String message,
        String approvePath,
        @Nullable Integer approvals,
        @Nullable Integer requiredApprovals,
        @Nullable String requestedBy)
        implements ExecutionLifecycleEvent {

    /** A wave's gate, or an execution's without the counts. */
    public ExecutionAwaitingApproval(
            ExecutionRef execution,
            ApprovalScope scope,
            @Nullable WaveRef wave,
            @Nullable String message,
            String approvePath) {
        this(execution, scope, wave, message, approvePath, null, null, null);
    }

    public ExecutionAwaitingApproval {
        Require.nonNull(execution, "execution");
        Require.nonNull(scope, "scope");
        if (scope == ApprovalScope.WAVE) {
            Require.nonNull(wave, "wave");
        }
        Require.text(approvePath, "approvePath");
        if (approvals != null) {
            Require.nonNegative(approvals, "approvals");
        }
        if (requiredApprovals != null) {
            Require.positive(requiredApprovals, "requiredApprovals");
        }
    }
}
