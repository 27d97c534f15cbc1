package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionCancelled;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.ExecutionPaused;
import dev.drsorchestrator.contracts.events.execution.ExecutionRejected;
import dev.drsorchestrator.contracts.events.execution.ExecutionResumed;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.execution.WaveStarted;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.WaveRef;

/** One line for the timeline about an event the execution published. */
final class Published {

    private Published() {}

    static String describe(EventPayload event) {
        if (event instanceof ExecutionStarted e) {
            return "started: " + e.waveCount() + " wave(s), " + e.serverCount() + " server(s)";
        } else if (event instanceof ExecutionAwaitingApproval e) {
            return (e.wave() == null ? "execution" : wave(e.wave())) + " awaits approval: " + e.message();
        } else if (event instanceof WaveStarted e) {
            return wave(e.wave()) + " started, attempt " + e.attempt() + ", " + e.serverCount() + " server(s)";
        } else if (event instanceof WaveActionRequested e) {
            return wave(e.waveId().value()) + ": " + e.phase() + "-action "
                    + e.action().actionId() + " (" + e.action().type() + ") requested, attempt " + e.attempt();
        } else if (event instanceof WaveLaunchRequested e) {
            return wave(e.waveId().value()) + ": launch of " + e.servers().size() + " server(s) requested, attempt "
                    + e.attempt() + (e.drill() ? " (drill)" : "");
        } else if (event instanceof WaveCompleted e) {
            return wave(e.wave()) + " completed, attempt " + e.attempt() + ": " + counts(e.counts());
        } else if (event instanceof WaveFailed e) {
            return wave(e.wave()) + " failed (" + e.failurePolicy() + "), attempt " + e.attempt() + ": " + e.reason()
                    + "; " + counts(e.counts());
        } else if (event instanceof ExecutionPaused e) {
            return "paused by " + e.pausedBy() + ": " + e.reason();
        } else if (event instanceof ExecutionResumed e) {
            return "resumed by " + e.resumedBy() + (e.comment() == null ? "" : ": " + e.comment());
        } else if (event instanceof ExecutionCompleted e) {
            return "completed: " + e.wavesCompleted() + " wave(s) completed, " + e.wavesFailed() + " failed, "
                    + e.wavesSkipped() + " skipped; " + counts(e.counts());
        } else if (event instanceof ExecutionFailed e) {
            return "failed: " + e.reason() + "; " + counts(e.counts());
        } else if (event instanceof ExecutionCancelled e) {
            return "cancelled by " + e.cancelledBy() + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof ExecutionRejected e) {
            return "rejected: " + e.reason();
        } else if (event instanceof DrillCleanupRequested e) {
            return "drill cleanup requested (" + e.reason() + ") by " + e.requestedBy() + ": "
                    + e.instances().size() + " recovery instance(s) known";
        }
        return event.getClass().getSimpleName();
    }

    private static String wave(WaveRef wave) {
        return "wave '" + wave.name() + "' (" + wave.index() + "/" + wave.total() + ")";
    }

    private static String wave(String waveId) {
        return "wave " + waveId;
    }

    private static String counts(ServerCounts c) {
        return c.launched() + "/" + c.total() + " launched, " + c.failed() + " failed"
                + (c.excluded() == 0 ? "" : ", " + c.excluded() + " left out")
                + (c.pending() == 0 ? "" : ", " + c.pending() + " pending");
    }
}
