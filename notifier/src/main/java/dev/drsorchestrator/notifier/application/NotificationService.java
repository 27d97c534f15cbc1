package dev.drsorchestrator.notifier.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.execution.ExecutionLifecycleEvent;
import dev.drsorchestrator.notifier.config.NotifierConfig;
import dev.drsorchestrator.notifier.domain.Delivery;
import dev.drsorchestrator.notifier.domain.MessageRenderer;
import dev.drsorchestrator.notifier.domain.MessagingFailed;
import dev.drsorchestrator.notifier.domain.Messenger;
import dev.drsorchestrator.notifier.domain.Notification;
import dev.drsorchestrator.notifier.domain.NotificationStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One execution event → one SNS message. The message is rendered and stored with the event's processed marker in
 * one transaction (a redelivered event finds it there and changes nothing), then published: at once, and by the
 * sweep for whatever a crash or an SNS error left PENDING. A publish is claimed under a lease first, so two instances
 * never both send it. SNS errors are retried with growing waits; after {@code max-attempts} the notification is
 * FAILED: kept, listed by GET /notifications?delivery=FAILED and sent again by POST /notifications/{id}/retry.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationStore store;
    private final Messenger sns;
    private final NotifierConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private volatile String defaultTopicArn;

    NotificationService(
            NotificationStore store, Messenger sns, NotifierConfig config, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.sns = sns;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The default topic's ARN: configured, or the configured name's topic (created when absent). */
    public String defaultTopic() {
        String arn = defaultTopicArn;
        if (arn == null) {
            arn = config.defaultTopicArn().orElseGet(() -> sns.topic(config.defaultTopic()));
            defaultTopicArn = arn;
        }
        return arn;
    }

    public void onEvent(ExecutionLifecycleEvent event, EventMetadata metadata, String detailType, int receiveCount) {
        Instant now = clock.instant();
        MessageRenderer.Rendered r = MessageRenderer.render(event, metadata, now, config.executionServiceUrl());
        Notification n = new Notification();
        n.id = metadata.eventId();
        n.detailType = detailType;
        n.executionId = event.executionId().value();
        n.planId = event.execution().planId().value();
        n.planName = event.execution().planName();
        n.executionType = event.execution().executionType().name();
        n.status = r.status();
        n.severity = r.severity();
        n.topicArn = event.execution().notificationTopicArn() != null
                ? event.execution().notificationTopicArn()
                : defaultTopic();
        n.subject = r.subject();
        n.text = r.text();
        n.json = r.json();
        n.attributes = r.attributes();
        n.createdAt = now;
        n.nextAttemptAt = now;
        try {
            store.record(n, metadata.eventId(), detailType, receiveCount);
        } catch (NotificationStore.Conflict e) {
            LOG.infof("%s %s was notified before; nothing more is sent", detailType, metadata.eventId());
            return;
        }
        publish(n);
    }

    /** Publishes PENDING notifications whose time has come (left by a crash, or waiting after an SNS error). */
    public void sweep() {
        for (Notification n : store.due(clock.instant(), 50)) {
            publish(n);
        }
    }

    /** Sends a FAILED notification again, from a first attempt. */
    public Optional<Notification> retry(String id) {
        Optional<Notification> found = store.find(id);
        found.filter(n -> n.delivery == Delivery.FAILED).ifPresent(n -> {
            n.delivery = Delivery.PENDING;
            n.attempts = 0;
            n.nextAttemptAt = clock.instant();
            n.leaseUntil = null;
            store.save(n);
            publish(n);
        });
        return found.flatMap(n -> store.find(id));
    }

    void publish(Notification n) {
        org.jboss.logging.MDC.put("correlationId", n.executionId);
        try {
            send(n);
        } finally {
            org.jboss.logging.MDC.remove("correlationId");
        }
    }

    private void send(Notification n) {
        Instant now = clock.instant();
        if (n.delivery != Delivery.PENDING || (n.leaseUntil != null && n.leaseUntil.isAfter(now))) {
            return;
        }
        n.leaseUntil = now.plus(config.publish().lease());
        n.nextAttemptAt = n.leaseUntil;
        try {
            store.save(n);
        } catch (NotificationStore.Conflict e) {
            return; // another instance has it
        }
        n.attempts++;
        try {
            n.messageId = sns.publish(n.topicArn, n.subject, messageStructure(n), n.attributes);
            n.delivery = Delivery.SENT;
            n.sentAt = clock.instant();
            n.lastError = null;
            metrics.counter("notifier.published", "severity", n.severity.name()).increment();
            LOG.infof("notified %s to %s: %s (message %s)", n.status, n.topicArn, n.subject, n.messageId);
        } catch (MessagingFailed e) {
            n.lastError = e.getMessage();
            if (!e.retryable() && n.attempts >= 2
                    || n.attempts >= config.publish().maxAttempts()) {
                n.delivery = Delivery.FAILED;
                metrics.counter("notifier.failed").increment();
                LOG.errorf(
                        "notification %s (%s) could not be sent after %d attempt(s): %s; it is kept (GET"
                                + " /notifications?delivery=FAILED) and can be sent again with POST"
                                + " /notifications/%s/retry",
                        n.id, n.subject, n.attempts, e.getMessage(), n.id);
            } else {
                Duration wait = config.publish().retryInterval().multipliedBy(1L << Math.min(n.attempts - 1, 6));
                n.nextAttemptAt = clock.instant().plus(wait);
                LOG.warnf("notification %s: %s; trying again in %s", n.id, e.getMessage(), wait);
            }
        }
        n.leaseUntil = null;
        try {
            store.save(n);
        } catch (NotificationStore.Conflict e) {
            LOG.warnf("notification %s changed while it was published; the sweep looks at it again", n.id);
        }
    }

    /** {@code MessageStructure=json}: plain text for email and by default, the event JSON for sqs and https. */
    static String messageStructure(Notification n) {
        ObjectNode m = EventCodec.mapper().createObjectNode();
        m.put("default", n.text);
        m.put("email", n.text);
        for (String protocol : List.of("sqs", "https", "http", "email-json")) {
            m.put(protocol, n.json);
        }
        return m.toString();
    }
}
