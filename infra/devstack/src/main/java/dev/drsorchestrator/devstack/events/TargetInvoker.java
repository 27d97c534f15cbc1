package dev.drsorchestrator.devstack.events;

import org.jspecify.annotations.Nullable;

/** Delivers a payload to a target ARN (an SQS queue, an SNS topic, an event bus, a Lambda function). */
@FunctionalInterface
public interface TargetInvoker {
    /**
     * Delivers and returns null, or returns why it could not (no such queue, unsupported target type), which the
     * caller records as a failed invocation, as AWS counts one.
     */
    @Nullable
    String invoke(String arn, String payload, @Nullable String messageGroupId);
}
