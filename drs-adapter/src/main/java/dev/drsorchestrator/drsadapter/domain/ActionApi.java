package dev.drsorchestrator.drsadapter.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What wave actions call: SSM documents, Lambda functions and HTTP endpoints. Failures throw {@link DrsCallFailed}. */
public interface ActionApi {

    record CommandResult(String status, boolean finished, String output, String error) {}

    record LambdaResult(@Nullable String functionError, String payload) {}

    /** Sends an SSM document to instances; returns the command id. */
    String sendCommand(
            Scope scope, String document, Map<String, List<String>> parameters, List<String> instances, String comment);

    CommandResult commandResult(Scope scope, String commandId, String instance);

    /** Invokes a function and waits for its answer (at most {@code timeout}); {@code scope} is the function's. */
    LambdaResult invoke(Scope scope, String functionArn, String payload, Duration timeout);

    /** GETs a URL; returns the HTTP status. Throws {@link DrsCallFailed} when nothing answers. */
    int httpStatus(String url, Duration timeout);
}
