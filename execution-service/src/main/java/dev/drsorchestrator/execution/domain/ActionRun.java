package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.ActionType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run of a wave action in one wave attempt. {@code outcome} is SUCCEEDED, FAILED or TIMED_OUT as drs-adapter
 * reported it, APPROVED for a manual approval, or absent while it runs.
 */
public final class ActionRun {
    public ActionId actionId;
    public @Nullable String name;
    public ActionType type;
    public ActionPhase phase;
    public int attempt;
    public boolean continueOnFailure;
    public @Nullable String outcome;
    public Instant requestedAt;
    public @Nullable Instant startedAt;
    public @Nullable Instant completedAt;
    public @Nullable Long durationMillis;
    public @Nullable String outputExcerpt;
    public @Nullable String error;
    public @Nullable String approvedBy;

    ActionRun() {}

    boolean isOpen() {
        return outcome == null;
    }
}
