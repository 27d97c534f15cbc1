package dev.drsorchestrator.contracts.events.execution;

/** A command from execution-service to drs-adapter. */
public sealed interface ExecutionCommand extends ExecutionEvent
        permits WaveLaunchRequested, WaveActionRequested, DrillCleanupRequested {}
