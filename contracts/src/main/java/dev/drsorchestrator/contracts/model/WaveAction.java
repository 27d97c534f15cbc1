package dev.drsorchestrator.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.drsorchestrator.contracts.ids.ActionId;
import org.jspecify.annotations.Nullable;

/**
 * A step that runs before or after a wave's launch. The JSON form carries {@code "type"}: one of {@link ActionType}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SsmDocumentAction.class, name = "SSM_DOCUMENT"),
    @JsonSubTypes.Type(value = LambdaAction.class, name = "LAMBDA"),
    @JsonSubTypes.Type(value = HttpCheckAction.class, name = "HTTP_CHECK"),
    @JsonSubTypes.Type(value = ManualApprovalAction.class, name = "MANUAL_APPROVAL")
})
public sealed interface WaveAction permits SsmDocumentAction, LambdaAction, HttpCheckAction, ManualApprovalAction {

    /** Longest time any action may be given, one day. */
    int MAX_TIMEOUT_SECONDS = 86_400;

    ActionId actionId();

    @Nullable
    String name();

    /** When true, a failure of this action is reported and the wave goes on. */
    boolean continueOnFailure();

    @JsonIgnore
    ActionType type();
}
