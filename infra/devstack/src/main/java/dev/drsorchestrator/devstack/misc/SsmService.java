package dev.drsorchestrator.devstack.misc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Protocol;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SSM (awsJson1.1): SendCommand and GetCommandInvocation, for wave actions. What a command does is configured per
 * document (and optionally per instance) through the admin API: its final status, output and how long it runs;
 * until then it is {@code InProgress}. Unconfigured documents succeed after 200 ms with empty output.
 */
public final class SsmService implements AwsService {
    /** How a document's commands end. {@code status}: Success, Failed, TimedOut or Cancelled. */
    public record Outcome(String status, String output, String error, int responseCode, long durationMillis) {
        public static final Outcome DEFAULT = new Outcome("Success", "", "", 0, 200);

        public Outcome {
            if (!List.of("Success", "Failed", "TimedOut", "Cancelled").contains(status)) {
                throw new IllegalArgumentException("status: Success, Failed, TimedOut or Cancelled, got " + status);
            }
            if (durationMillis < 0) {
                throw new IllegalArgumentException("durationMillis must not be negative");
            }
            output = output == null ? "" : output;
            error = error == null ? "" : error;
        }
    }

    private record Invocation(String commandId, String instanceId, String document, Instant started, Outcome outcome) {}

    private final Clock clock;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Invocation> invocations = new ConcurrentHashMap<>();
    private final List<ObjectNode> commands = new ArrayList<>();

    public SsmService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String signingName() {
        return "ssm";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    /** Sets how commands of {@code document} end, on every instance or (instanceId not null) on one. */
    public void outcome(String document, String instanceId, Outcome outcome) {
        outcomes.put(document + "|" + (instanceId == null ? "*" : instanceId), outcome);
    }

    public synchronized List<ObjectNode> commands() {
        return new ArrayList<>(commands);
    }

    public synchronized void reset() {
        outcomes.clear();
        invocations.clear();
        commands.clear();
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        JsonNode in = request.json();
        ObjectNode out =
                switch (request.target()) {
                    case "SendCommand" -> sendCommand(in);
                    case "GetCommandInvocation" -> getCommandInvocation(in);
                    default ->
                        throw AwsServiceException.badRequest(
                                "UnknownOperationException", "devstack SSM does not implement " + request.target());
                };
        return HttpResult.json(200, out, jsonContentType());
    }

    private synchronized ObjectNode sendCommand(JsonNode in) {
        String document = Json.required(in, "DocumentName");
        List<String> instances = new ArrayList<>();
        in.path("InstanceIds").forEach(i -> instances.add(i.asText()));
        if (instances.isEmpty()) {
            throw AwsServiceException.badRequest(
                    "InvalidInstanceId", "devstack SSM needs InstanceIds (Targets tag queries are not emulated).");
        }
        for (String id : instances) {
            if (!id.matches("(i|mi)-[0-9a-f]{8,17}")) {
                throw AwsServiceException.badRequest(
                        "InvalidInstanceId", "Instance " + id + " is not a valid instance id.");
            }
        }
        String commandId = UUID.randomUUID().toString();
        Instant now = Instant.now(clock);
        ObjectNode params = in.path("Parameters").isObject()
                ? (ObjectNode) in.get("Parameters").deepCopy()
                : Json.object();
        for (String id : instances) {
            Outcome o =
                    outcomes.getOrDefault(document + "|" + id, outcomes.getOrDefault(document + "|*", Outcome.DEFAULT));
            invocations.put(commandId + "|" + id, new Invocation(commandId, id, document, now, o));
        }
        ObjectNode command = Json.object()
                .put("CommandId", commandId)
                .put("DocumentName", document)
                .put("Status", "Pending")
                .put("RequestedDateTime", now.toEpochMilli() / 1000.0)
                .put("TargetCount", instances.size())
                .put("Comment", Json.text(in, "Comment") == null ? "" : Json.text(in, "Comment"));
        ArrayNode ids = command.putArray("InstanceIds");
        instances.forEach(ids::add);
        command.set("Parameters", params);
        commands.add(command.deepCopy());
        return Json.object().set("Command", command);
    }

    private ObjectNode getCommandInvocation(JsonNode in) {
        String commandId = Json.required(in, "CommandId");
        String instanceId = Json.required(in, "InstanceId");
        Invocation inv = invocations.get(commandId + "|" + instanceId);
        if (inv == null) {
            throw AwsServiceException.badRequest(
                    "InvocationDoesNotExist", "Command " + commandId + " was not sent to instance " + instanceId + ".");
        }
        Instant now = Instant.now(clock);
        Instant end = inv.started().plusMillis(inv.outcome().durationMillis());
        boolean done = !now.isBefore(end);
        String status = done ? inv.outcome().status() : "InProgress";
        ObjectNode out = Json.object()
                .put("CommandId", inv.commandId())
                .put("InstanceId", inv.instanceId())
                .put("DocumentName", inv.document())
                .put("Status", status)
                .put("StatusDetails", status)
                .put("ResponseCode", done ? inv.outcome().responseCode() : -1)
                .put("ExecutionStartDateTime", inv.started().toString())
                .put("StandardOutputContent", done ? inv.outcome().output() : "")
                .put("StandardErrorContent", done ? inv.outcome().error() : "");
        if (done) {
            out.put("ExecutionEndDateTime", end.toString());
        }
        return out;
    }
}
