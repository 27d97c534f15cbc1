package dev.drsorchestrator.execution.domain;

/** No execution with this id (a request plan-service has not delivered yet is not found either). */
public final class ExecutionNotFound extends RuntimeException {
    public ExecutionNotFound(String executionId) {
        super("no execution " + executionId
                + "; if it was just requested, plan-service's request may still be on its way: try again in a moment");
    }
}
