package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.WaveAction;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One wave of an execution: the plan's snapshot of it and how far it got. */
public final class WaveRun {
    public WaveSnapshot wave;
    /** 1-based position in the plan. */
    public int index;

    public WaveStatus status = WaveStatus.WAITING;
    public @Nullable WavePhase phase;
    public int attempt;
    /** Next action of the current phase. */
    public int actionIndex;

    public @Nullable ActionId pendingAction;
    /** The current action is a MANUAL_APPROVAL waiting for an operator. */
    public boolean awaitingActionApproval;
    /** The wave's own approval gate was passed. */
    public boolean gateApproved;

    public boolean launchRequested;
    public boolean launchAccepted;
    public int batchCount;
    public boolean waitOver;
    /** The attempt's timeout fired; the wave fails as soon as it is next looked at while RUNNING. */
    public boolean timedOut;

    public @Nullable String launchRejectedReason;
    /** A wave that failed under PAUSE, resumed past by an operator: its dependents run as under CONTINUE. */
    public boolean continuedPast;
    /** The phase the wave failed in; a retry starts there. */
    public @Nullable WavePhase failedIn;

    public @Nullable Instant firstStartedAt;
    public @Nullable Instant startedAt;
    public @Nullable Instant endedAt;
    public @Nullable String reason;

    public Map<String, ServerRun> servers = new LinkedHashMap<>();
    public Map<String, JobRun> jobs = new LinkedHashMap<>();
    public List<ActionRun> actions = new ArrayList<>();
    /** Who approved the wave's gate and its manual-approval actions, in order (one approval each). */
    public List<Approval> approvals = new ArrayList<>();

    WaveRun() {}

    WaveRun(WaveSnapshot wave, int index) {
        this.wave = wave;
        this.index = index;
        wave.servers().forEach(s -> servers.put(s.sourceServerId().value(), new ServerRun(s)));
    }

    public String id() {
        return wave.waveId().value();
    }

    /** Its dependents may run: done well, skipped, or failed under a policy that goes on. */
    boolean satisfiesDependents() {
        return status == WaveStatus.COMPLETED
                || status == WaveStatus.SKIPPED
                || (status == WaveStatus.FAILED && (wave.failurePolicy() == FailurePolicy.CONTINUE || continuedPast));
    }

    List<WaveAction> actionsOf(WavePhase phase) {
        return phase == WavePhase.PRE_ACTIONS ? wave.preActions() : wave.postActions();
    }

    @Nullable
    ActionRun action(ActionId actionId, ActionPhase phase, int attempt) {
        for (ActionRun run : actions) {
            if (run.actionId.equals(actionId) && run.phase == phase && run.attempt == attempt) {
                return run;
            }
        }
        return null;
    }

    List<ServerRun> attemptServers() {
        return servers.values().stream().filter(s -> s.attempt == attempt).toList();
    }
}
