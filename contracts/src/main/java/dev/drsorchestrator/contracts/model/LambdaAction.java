package dev.drsorchestrator.contracts.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ActionId;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Invokes a Lambda function with the payload plus the execution context, and waits for its answer. */
public record LambdaAction(
        ActionId actionId,
        @Nullable String name,
        boolean continueOnFailure,
        int timeoutSeconds,
        String functionArn,
        @Nullable JsonNode payload)
        implements WaveAction {

    /** A Lambda function ARN, optionally with a version or alias qualifier. */
    public static final Pattern FUNCTION_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:lambda:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}"
                    + "(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$");

    public LambdaAction {
        Require.nonNull(actionId, "actionId");
        Require.matches(functionArn, FUNCTION_ARN, "functionArn");
        Require.positive(timeoutSeconds, "timeoutSeconds");
        WaveActions.checkTimeout(timeoutSeconds);
    }

    @Override
    public ActionType type() {
        return ActionType.LAMBDA;
    }
}
