package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.events.execution.ExecutionCancelled;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.ExecutionLifecycleEvent;
import dev.drsorchestrator.contracts.events.execution.ExecutionRejected;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.LastExecution.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Follows the plan's last execution through execution-service's lifecycle events. */
@ApplicationScoped
public class ExecutionTracking {

    private final ExecutionLog executions;

    ExecutionTracking(ExecutionLog executions) {
        this.executions = executions;
    }

    public void apply(ExecutionLifecycleEvent event, Instant occurredAt, ConsumedEvent consumed) {
        Status status;
        String detail = null;
        if (event instanceof ExecutionStarted) {
            status = Status.STARTED;
        } else if (event instanceof ExecutionCompleted) {
            status = Status.COMPLETED;
        } else if (event instanceof ExecutionFailed f) {
            status = Status.FAILED;
            detail = f.reason();
        } else if (event instanceof ExecutionCancelled c) {
            status = Status.CANCELLED;
            detail = c.reason();
        } else if (event instanceof ExecutionRejected r) {
            status = Status.REJECTED;
            detail = r.reason();
        } else {
            return;
        }
        executions.applyStatus(event.execution().planId(), event.executionId(), status, occurredAt, detail, consumed);
    }
}
