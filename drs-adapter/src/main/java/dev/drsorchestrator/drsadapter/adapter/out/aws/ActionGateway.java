package dev.drsorchestrator.drsadapter.adapter.out.aws;

import static dev.drsorchestrator.drsadapter.adapter.out.aws.Failures.call;

import dev.drsorchestrator.drsadapter.domain.ActionApi;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/** {@link ActionApi} over SSM, Lambda (in the action's account and region) and the JDK's HTTP client. */
@ApplicationScoped
class ActionGateway implements ActionApi {

    private static final List<String> FINAL = List.of("Success", "Failed", "TimedOut", "Cancelled", "Cancelling");

    private final ScopedClients clients;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ActionGateway(ScopedClients clients) {
        this.clients = clients;
    }

    @Override
    public String sendCommand(
            Scope scope,
            String document,
            Map<String, List<String>> parameters,
            List<String> instances,
            String comment) {
        return call(
                        "SendCommand",
                        () -> clients.ssm(scope)
                                .sendCommand(r -> r.documentName(document)
                                        .parameters(parameters)
                                        .instanceIds(instances)
                                        .comment(comment.length() > 100 ? comment.substring(0, 100) : comment)))
                .command()
                .commandId();
    }

    @Override
    public CommandResult commandResult(Scope scope, String commandId, String instance) {
        GetCommandInvocationResponse r = call(
                "GetCommandInvocation",
                () -> clients.ssm(scope)
                        .getCommandInvocation(q -> q.commandId(commandId).instanceId(instance)));
        String status = r.statusAsString();
        return new CommandResult(
                status,
                FINAL.contains(status),
                r.standardOutputContent() == null ? "" : r.standardOutputContent(),
                r.standardErrorContent() == null ? "" : r.standardErrorContent());
    }

    @Override
    public LambdaResult invoke(Scope scope, String functionArn, String payload, Duration timeout) {
        InvokeResponse r = call(
                "Invoke",
                () -> clients.lambda(scope)
                        .invoke(q -> q.functionName(functionArn)
                                .invocationType(InvocationType.REQUEST_RESPONSE)
                                .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
                                .overrideConfiguration(o -> o.apiCallTimeout(timeout))));
        String body = r.payload() == null ? "" : r.payload().asUtf8String();
        return new LambdaResult(r.functionError(), body);
    }

    @Override
    public int httpStatus(String url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("User-Agent", "drs-orchestrator-http-check")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DrsCallFailed(DrsCallFailed.Kind.AMBIGUOUS, "GET " + url, String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrsCallFailed(DrsCallFailed.Kind.AMBIGUOUS, "GET " + url, "interrupted", e);
        }
    }
}
