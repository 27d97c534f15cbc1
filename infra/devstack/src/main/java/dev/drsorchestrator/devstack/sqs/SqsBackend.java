package dev.drsorchestrator.devstack.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.JsonRpc;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.jspecify.annotations.Nullable;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;

/**
 * SQS: an embedded ElasticMQ on a private port. Its queue URLs name the edge port, so the URLs the SDK gets back
 * lead to the edge, which forwards to ElasticMQ. The other emulated services deliver into queues through
 * {@link #send}.
 */
public final class SqsBackend implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;
    private final String edgeBase;
    private final String account;
    private final String region;
    private final JsonRpc rpc;

    public SqsBackend(String host, int edgePort, String account, String region) {
        this.account = account;
        this.region = region;
        this.server = SQSRestServerBuilder.withInterface(host)
                .withDynamicPort()
                .withServerAddress(new NodeAddress("http", host, edgePort, ""))
                .withAWSAccountId(account)
                .withAWSRegion(region)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        this.endpoint = URI.create("http://" + host + ":" + port + "/");
        this.edgeBase = "http://" + host + ":" + edgePort + "/" + account + "/";
        this.rpc = new JsonRpc(endpoint, "AmazonSQS", "sqs");
    }

    /** Where ElasticMQ itself listens (the edge forwards here). */
    public URI endpoint() {
        return endpoint;
    }

    public String queueUrl(String queueName) {
        return edgeBase + queueName;
    }

    /** The queue name in an SQS ARN ({@code arn:aws:sqs:region:account:name}). */
    public static String queueNameFromArn(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    public String queueArn(String queueName) {
        return "arn:aws:sqs:" + region + ":" + account + ":" + queueName;
    }

    /**
     * Sends one message as a producer would (JSON protocol). Returns null on success, otherwise the error SQS gave
     * (an unknown queue, for one), so the caller can record a failed delivery the way AWS counts one.
     */
    public @Nullable String send(
            String queueName, String body, @Nullable Map<String, String> stringAttributes, @Nullable String groupId) {
        ObjectNode req = Json.object().put("QueueUrl", queueUrl(queueName)).put("MessageBody", body);
        if (groupId != null) {
            req.put("MessageGroupId", groupId);
        }
        if (stringAttributes != null && !stringAttributes.isEmpty()) {
            ObjectNode attrs = req.putObject("MessageAttributes");
            stringAttributes.forEach(
                    (k, v) -> attrs.putObject(k).put("DataType", "String").put("StringValue", v));
        }
        return call("SendMessage", req);
    }

    /** Sends a message whose attributes are already in SQS's JSON shape (SNS raw delivery carries types). */
    public @Nullable String sendWithAttributes(String queueName, String body, @Nullable JsonNode attributes) {
        ObjectNode req = Json.object().put("QueueUrl", queueUrl(queueName)).put("MessageBody", body);
        if (attributes != null && attributes.size() > 0) {
            req.set("MessageAttributes", attributes);
        }
        return call("SendMessage", req);
    }

    private @Nullable String call(String action, ObjectNode req) {
        try {
            JsonRpc.Answer a = rpc.call(action, req);
            return a.ok() ? null : a.error();
        } catch (RuntimeException e) {
            return "SQS unreachable: " + e.getMessage();
        }
    }

    /** Deletes every queue (the admin reset). */
    public void deleteAllQueues() {
        JsonRpc.Answer list = rpc.call("ListQueues", Json.object());
        for (JsonNode url : list.body().path("QueueUrls")) {
            rpc.call("DeleteQueue", Json.object().put("QueueUrl", url.asText()));
        }
    }

    @Override
    public void close() {
        try {
            Await.result(server.stopAndGetFuture().apply(), FiniteDuration.apply(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            // stopping is best effort; the JVM may be going away anyway
        }
    }
}
