package dev.drsorchestrator.notifier.domain;

import java.util.Map;

/** SNS. Every method throws {@link MessagingFailed}. */
public interface Messenger {

    /** The topic's ARN, creating it when absent (CreateTopic is idempotent). */
    String topic(String name);

    /** Publishes with {@code MessageStructure=json}; returns SNS's message id. */
    String publish(String topicArn, String subject, String messageStructure, Map<String, String> attributes);

    /** Subscribes; returns the subscription ARN (or "pending confirmation" for email). */
    String subscribe(String topicArn, String protocol, String endpoint, String filterPolicy);

    void unsubscribe(String subscriptionArn);
}
