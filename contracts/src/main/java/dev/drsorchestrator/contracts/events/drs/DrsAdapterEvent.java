package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.envelope.EventPayload;

/** Events published by drs-adapter (source {@code drs-orchestrator.drs-adapter}). */
public sealed interface DrsAdapterEvent extends EventPayload
        permits RecoveryJobStateChanged,
                WaveLaunchAccepted,
                WaveLaunchRejected,
                WaveActionCompleted,
                RecoveryInstancesTerminated,
                SourceServerInventoryChanged,
                FailbackProgressChanged,
                NetworkInventoryChanged,
                LaunchSettingsApplied {}
