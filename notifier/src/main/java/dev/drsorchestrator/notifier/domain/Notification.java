package dev.drsorchestrator.notifier.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One execution event made into one SNS message: rendered once when the event is consumed, stored, then published
 * (and retried) until SNS takes it. Its id is the event's id, so a redelivered event finds it already there.
 */
public final class Notification {
    public String id;
    public String detailType;
    public String executionId;
    public String planId;
    public String planName;
    public String executionType;
    /** The event's status attribute (STARTED, WAVE_COMPLETED, FAILED …). */
    public String status;

    public Severity severity;
    public String topicArn;
    public String subject;
    /** The email and plain-text body. */
    public String text;
    /** The body for machines (sqs, https): the event, with long server lists summarised. */
    public String json;
    /** SNS message attributes, for subscription filter policies. */
    public Map<String, String> attributes = new LinkedHashMap<>();

    public Delivery delivery = Delivery.PENDING;
    public int attempts;
    public @Nullable String lastError;
    public @Nullable String messageId;
    public Instant createdAt;
    public @Nullable Instant sentAt;
    public Instant nextAttemptAt;
    public @Nullable Instant leaseUntil;
    public long version;
}
