package dev.drsorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS queue subscribed to the notifications topic through the notifier's {@code POST /subscriptions}, read as a
 * subscriber reads it: each SNS message with its subject and attributes, and the event JSON it carries.
 */
public final class NotificationInbox implements AutoCloseable {

    /** One notification as the subscriber got it. */
    public record Notice(String executionId, String detailType, String severity, String status, String subject) {}

    private final SqsClient sqs;
    private final String queueUrl;

    /** Creates the queue {@code queueName} on devstack and subscribes it to the notifier's default topic. */
    public NotificationInbox(LocalSystem system, Rest rest, String queueName) {
        this.sqs = SqsClient.builder()
                .endpointOverride(URI.create(system.url(Component.DEVSTACK)))
                .region(Region.of(LocalSystem.REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("devstack", "devstack")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.queueUrl = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        rest.post(
                        system.url(Component.NOTIFIER) + "/subscriptions",
                        Rest.object().put("protocol", "sqs").put("endpoint", queueArn))
                .expect(201);
    }

    /**
     * The notifications that arrived, removed from the queue; waits up to {@code waitSeconds} (0 to 20) for the
     * first one.
     */
    public List<Notice> receive(int waitSeconds) {
        List<Notice> out = new ArrayList<>();
        for (Message m : sqs.receiveMessage(
                        b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
                .messages()) {
            JsonNode envelope = read(m.body());
            JsonNode attributes = envelope.path("MessageAttributes");
            out.add(new Notice(
                    attributes.path("executionId").path("Value").asText(),
                    read(envelope.path("Message").asText()).path("detailType").asText(),
                    attributes.path("severity").path("Value").asText(),
                    attributes.path("status").path("Value").asText(),
                    envelope.path("Subject").asText()));
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
        return out;
    }

    /** Everything waiting in the queue now. */
    public List<Notice> drain() {
        List<Notice> out = new ArrayList<>();
        for (List<Notice> batch = receive(0); !batch.isEmpty(); batch = receive(0)) {
            out.addAll(batch);
        }
        return out;
    }

    @Override
    public void close() {
        sqs.close();
    }

    private static JsonNode read(String json) {
        try {
            return Rest.JSON.readTree(json);
        } catch (IOException e) {
            return Rest.JSON.missingNode();
        }
    }
}
