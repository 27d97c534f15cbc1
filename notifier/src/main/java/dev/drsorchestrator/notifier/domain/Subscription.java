package dev.drsorchestrator.notifier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An SNS subscription the notifier made: who gets what (a filter policy on the message attributes). */
public record Subscription(
        String id,
        String protocol,
        String endpoint,
        String topicArn,
        Map<String, List<String>> filter,
        String subscriptionArn,
        Instant createdAt,
        String createdBy) {}
