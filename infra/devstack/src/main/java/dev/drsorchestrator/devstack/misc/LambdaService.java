package dev.drsorchestrator.devstack.misc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Protocol;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Lambda Invoke (restJson1) of functions registered through the admin API with a fixed result: a payload, or a
 * function error ({@code X-Amz-Function-Error: Unhandled}). Every invocation is recorded with its payload.
 */
public final class LambdaService implements AwsService {
    /** A fake function: what it returns, or the error it raises when {@code errorMessage} is set. */
    public record FakeFunction(
            @Nullable JsonNode result,
            @Nullable String errorType,
            @Nullable String errorMessage) {}

    private final String account;
    private final String region;
    private final Clock clock;
    private final Map<String, FakeFunction> functions = new ConcurrentHashMap<>();
    private final List<ObjectNode> invocations = new ArrayList<>();

    public LambdaService(String account, String region, Clock clock) {
        this.account = account;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public String signingName() {
        return "lambda";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    public void register(String name, FakeFunction function) {
        functions.put(name, function);
    }

    public synchronized List<ObjectNode> invocations() {
        return new ArrayList<>(invocations);
    }

    public synchronized void reset() {
        functions.clear();
        invocations.clear();
    }

    private static String nameOf(String nameOrArn) {
        int i = nameOrArn.indexOf(":function:");
        if (i < 0) {
            return nameOrArn;
        }
        String rest = nameOrArn.substring(i + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        String[] parts = request.path().split("/");
        if (parts.length != 5
                || !parts[1].equals("2015-03-31")
                || !parts[2].equals("functions")
                || !parts[4].equals("invocations")) {
            throw AwsServiceException.badRequest(
                    "InvalidRequestContentException",
                    "devstack Lambda serves Invoke (POST /2015-03-31/functions/{name}/invocations) only.");
        }
        String name = nameOf(URLDecoder.decode(parts[3], StandardCharsets.UTF_8));
        String type = request.header("X-Amz-Invocation-Type");
        return invoke(name, request.bodyText(), type == null ? "RequestResponse" : type);
    }

    /** Invokes a function (also the target path for EventBridge and Scheduler); null result means delivered. */
    public @Nullable String invokeAsync(String arn, String payload) {
        try {
            invoke(nameOf(arn), payload, "Event");
            return null;
        } catch (AwsServiceException e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    private HttpResult invoke(String name, String payload, String type) {
        FakeFunction f = functions.get(name);
        if (f == null) {
            throw AwsServiceException.notFound(
                    "ResourceNotFoundException",
                    "Function not found: arn:aws:lambda:"
                            + region + ":" + account + ":function:" + name
                            + " (register a fake result with PUT /_devstack/lambda/functions/" + name + ")");
        }
        synchronized (this) {
            ObjectNode record = Json.object()
                    .put("function", name)
                    .put("invocationType", type)
                    .put("at", Instant.now(clock).toString());
            try {
                record.set("payload", payload.isBlank() ? Json.object() : Json.parse(payload));
            } catch (IllegalArgumentException e) {
                record.put("payload", payload);
            }
            invocations.add(record);
        }
        if (type.equals("Event")) {
            return HttpResult.empty(202);
        }
        if (type.equals("DryRun")) {
            return HttpResult.empty(204);
        }
        if (f.errorMessage() != null) {
            ObjectNode err = Json.object()
                    .put("errorMessage", f.errorMessage())
                    .put("errorType", f.errorType() == null ? "Error" : f.errorType());
            return HttpResult.json(200, err, "application/json")
                    .header("X-Amz-Function-Error", "Unhandled")
                    .header("X-Amz-Executed-Version", "$LATEST");
        }
        JsonNode result = f.result() == null ? Json.MAPPER.nullNode() : f.result();
        return new HttpResult(200, "application/json", new LinkedHashMap<>(), Json.bytes(result))
                .header("X-Amz-Executed-Version", "$LATEST");
    }
}
