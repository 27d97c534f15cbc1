package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ActionId;
import org.jspecify.annotations.Nullable;

/** Holds the wave until an operator approves it; {@code message} tells them what to check first. */
public record ManualApprovalAction(
        ActionId actionId, @Nullable String name, boolean continueOnFailure, String message) implements WaveAction {

    public ManualApprovalAction {
        Require.nonNull(actionId, "actionId");
        Require.text(message, "message");
    }

    @Override
    public ActionType type() {
        return ActionType.MANUAL_APPROVAL;
    }
}
