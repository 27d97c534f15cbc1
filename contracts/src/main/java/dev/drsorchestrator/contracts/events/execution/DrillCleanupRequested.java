package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import java.util.List;

/** A command to drs-adapter: terminate a drill's recovery instances (after its TTL, or at once on request). */
public record DrillCleanupRequested(
        ExecutionId executionId,
        PlanId planId,
        CleanupReason reason,
        String requestedBy,
        List<RecoveredServer> instances)
        implements ExecutionCommand {

    public DrillCleanupRequested {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(planId, "planId");
        Require.nonNull(reason, "reason");
        Require.text(requestedBy, "requestedBy");
        instances = Require.list(instances, "instances");
    }
}
