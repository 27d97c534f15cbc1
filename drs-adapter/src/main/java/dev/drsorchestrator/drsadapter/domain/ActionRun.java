package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.WaveAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A wave action being run: stored when it is requested, advanced step by step (send, then check every few seconds)
 * under a lease, so that another instance takes it over after a crash, and closed when its result is published.
 */
public final class ActionRun {
    public String id;
    public ExecutionId executionId;
    public PlanId planId;
    public WaveId waveId;
    public ActionPhase phase;
    public int attempt;
    public ExecutionType executionType;
    public WaveAction action;
    public List<RecoveredServer> servers = new ArrayList<>();

    public Instant createdAt;
    public @Nullable Instant startedAt;
    public @Nullable Instant deadline;
    public Instant nextStepAt;
    public @Nullable Instant leaseUntil;
    public @Nullable String leaseOwner;
    /** SSM: command id per {@code account/region|instance}, once sent. */
    public Map<String, String> commands = new LinkedHashMap<>();
    /** SSM: the final result per {@code account/region|instance}. */
    public Map<String, ActionApi.CommandResult> results = new LinkedHashMap<>();

    public int checks;
    /** The last thing seen (an HTTP status, an invocation's state), for the timeout's message. */
    public @Nullable String lastSeen;

    public boolean done;
    public @Nullable String causationId;
    public @Nullable String traceparent;
    public long version;

    public static String idOf(ExecutionId execution, WaveId wave, ActionPhase phase, int attempt, String actionId) {
        return "ACTION#" + execution.value() + "#" + wave.value() + "#" + phase + "#" + attempt + "#" + actionId;
    }
}
