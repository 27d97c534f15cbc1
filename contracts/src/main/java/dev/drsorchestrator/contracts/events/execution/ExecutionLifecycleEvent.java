package dev.drsorchestrator.contracts.events.execution;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.ExecutionRef;

/** A fact about an execution's progress; each carries the execution it is about. */
public sealed interface ExecutionLifecycleEvent extends ExecutionEvent
        permits ExecutionStarted,
                ExecutionAwaitingApproval,
                WaveStarted,
                WaveCompleted,
                WaveFailed,
                ExecutionPaused,
                ExecutionResumed,
                ExecutionCompleted,
                ExecutionFailed,
                ExecutionCancelled,
                ExecutionRejected {

    ExecutionRef execution();

    @Override
    default ExecutionId executionId() {
        return execution().executionId();
    }
}
