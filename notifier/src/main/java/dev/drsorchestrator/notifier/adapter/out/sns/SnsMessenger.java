package dev.drsorchestrator.notifier.adapter.out.sns;

import dev.drsorchestrator.kit.aws.AwsClients;
import dev.drsorchestrator.notifier.domain.MessagingFailed;
import dev.drsorchestrator.notifier.domain.Messenger;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** {@link Messenger} over the AWS SDK's SNS client (throttling and server errors retried by the SDK). */
@ApplicationScoped
class SnsMessenger implements Messenger {

    private final SnsClient sns;

    SnsMessenger(AwsClients aws) {
        this.sns = aws.configure(SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .build();
    }

    @Override
    public String topic(String name) {
        return call("CreateTopic", () -> sns.createTopic(r -> r.name(name)).topicArn());
    }

    @Override
    public String publish(String topicArn, String subject, String messageStructure, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> attrs = new LinkedHashMap<>();
        attributes.forEach((k, v) -> attrs.put(
                k,
                MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue(v)
                        .build()));
        return call(
                "Publish",
                () -> sns.publish(r -> r.topicArn(topicArn)
                                .subject(subject)
                                .messageStructure("json")
                                .message(messageStructure)
                                .messageAttributes(attrs))
                        .messageId());
    }

    @Override
    public String subscribe(String topicArn, String protocol, String endpoint, String filterPolicy) {
        return call(
                "Subscribe",
                () -> sns.subscribe(r -> r.topicArn(topicArn)
                                .protocol(protocol)
                                .endpoint(endpoint)
                                .returnSubscriptionArn(true)
                                .attributes(
                                        filterPolicy.equals("{}") ? Map.of() : Map.of("FilterPolicy", filterPolicy)))
                        .subscriptionArn());
    }

    @Override
    public void unsubscribe(String subscriptionArn) {
        call("Unsubscribe", () -> sns.unsubscribe(r -> r.subscriptionArn(subscriptionArn)));
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            boolean retryable = !(e instanceof AwsServiceException a)
                    || a.statusCode() >= 500
                    || a.statusCode() == 429
                    || a.isThrottlingException();
            String message = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                    ? a.awsErrorDetails().errorCode() + ": "
                            + a.awsErrorDetails().errorMessage()
                    : String.valueOf(e.getMessage());
            throw new MessagingFailed(retryable, "SNS " + operation + " failed: " + message, e);
        }
    }

    @PreDestroy
    void close() {
        sns.close();
    }
}
