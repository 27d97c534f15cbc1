package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.ActionType;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.WaveAction;
import java.util.List;

/**
 * A command to drs-adapter: run one wave action. {@code recoveredServers} are the wave's recovered instances (the
 * targets of an SSM document; context for a Lambda). Manual approvals are execution-service's own and never sent.
 */
public record WaveActionRequested(
        ExecutionId executionId,
        PlanId planId,
        WaveId waveId,
        ActionPhase phase,
        int attempt,
        ExecutionType executionType,
        WaveAction action,
        List<RecoveredServer> recoveredServers)
        implements ExecutionCommand {

    public WaveActionRequested {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(planId, "planId");
        Require.nonNull(waveId, "waveId");
        Require.nonNull(phase, "phase");
        Require.positive(attempt, "attempt");
        Require.nonNull(executionType, "executionType");
        Require.nonNull(action, "action");
        if (action.type() == ActionType.MANUAL_APPROVAL) {
            throw new IllegalArgumentException("action: a MANUAL_APPROVAL is held by execution-service, not sent");
        }
        recoveredServers = Require.list(recoveredServers, "recoveredServers");
    }
}
