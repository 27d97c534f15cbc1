package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ActionId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Runs an SSM document on the wave's recovered EC2 instances and waits for every invocation. */
public record SsmDocumentAction(
        ActionId actionId,
        @Nullable String name,
        boolean continueOnFailure,
        int timeoutSeconds,
        String documentName,
        Map<String, List<String>> parameters)
        implements WaveAction {

    /** SSM document names: AWS's own ({@code AWS-RunShellScript}), shared ARNs, or 3-128 of {@code a-zA-Z0-9_.-}. */
    public static final Pattern DOCUMENT_NAME =
            Pattern.compile("^(arn:aws[a-z-]*:ssm:[a-z0-9-]+:[0-9]{12}:document/)?[a-zA-Z0-9_.\\-]{3,128}$");

    public SsmDocumentAction {
        Require.nonNull(actionId, "actionId");
        Require.matches(documentName, DOCUMENT_NAME, "documentName");
        Require.positive(timeoutSeconds, "timeoutSeconds");
        WaveActions.checkTimeout(timeoutSeconds);
        parameters = Require.map(parameters);
    }

    @Override
    public ActionType type() {
        return ActionType.SSM_DOCUMENT;
    }
}
