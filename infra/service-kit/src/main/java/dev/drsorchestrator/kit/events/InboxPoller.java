package dev.drsorchestrator.kit.events;

import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.envelope.InvalidEventException;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.DuplicateEvent;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Consumes the service's inbox queue with long polling on {@code kit.inbox.consumers} threads. For each message: read
 * the event, skip it if its id was processed before, else hand it to the {@link InboxHandler}; delete it when that
 * returns (or reports a duplicate). A failure leaves the message for SQS to deliver again, sooner at first (the
 * visibility timeout grows with each receive); after five receives the queue's redrive policy moves it to the
 * dead-letter queue. A message that is not a readable event goes to the dead-letter queue at once, with the reason.
 *
 * <p>Each received event's delivery latency (now minus its {@code metadata.occurredAt}, an AWS event's {@code time})
 * is recorded in the timer {@code kit.inbox.delivery.latency} by {@code type}, redeliveries included.
 */
@ApplicationScoped
public class InboxPoller {

    private static final Logger LOG = Logger.getLogger(InboxPoller.class);
    public static final String MDC_CORRELATION_ID = "correlationId";

    private final SqsClient sqs;
    private final KitConfig config;
    private final ProcessedEvents processed;
    private final Instance<InboxHandler> handlers;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService workers;
    private String queueUrl;
    private String deadLetterUrl;

    InboxPoller(
            SqsClient sqs,
            KitConfig config,
            ProcessedEvents processed,
            Instance<InboxHandler> handlers,
            MeterRegistry metrics,
            Clock clock) {
        this.sqs = sqs;
        this.config = config;
        this.processed = processed;
        this.handlers = handlers;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start(@Observes @Priority(300) StartupEvent event) {
        if (!config.inbox().enabled() || !handlers.isResolvable()) {
            LOG.infof(
                    "inbox %s is not consumed (disabled or no handler)",
                    config.inbox().queue());
            return;
        }
        queueUrl = sqs.getQueueUrl(r -> r.queueName(config.inbox().queue())).queueUrl();
        deadLetterUrl = sqs.getQueueUrl(r -> r.queueName(config.inbox().queue() + "-dlq"))
                .queueUrl();
        running.set(true);
        int consumers = config.inbox().consumers();
        workers = Executors.newFixedThreadPool(consumers, r -> {
            Thread t = new Thread(r, config.serviceName() + "-inbox");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < consumers; i++) {
            workers.submit(this::poll);
        }
        LOG.infof("consuming %s with %d poller(s)", config.inbox().queue(), consumers);
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private void poll() {
        while (running.get()) {
            try {
                var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                                .maxNumberOfMessages(10)
                                .waitTimeSeconds(config.inbox().waitSeconds())
                                .visibilityTimeout(config.inbox().visibilityTimeoutSeconds())
                                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages();
                for (Message message : messages) {
                    if (!running.get()) {
                        return;
                    }
                    process(message);
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warnf("receiving from %s failed: %s", config.inbox().queue(), e.toString());
                    pause();
                }
            }
        }
    }

    private void process(Message message) {
        InboundEvent event;
        try {
            event = EventCodec.readAny(message.body());
        } catch (InvalidEventException e) {
            LOG.errorf(
                    "message %s in %s is not a readable event and goes to the dead-letter queue: %s",
                    message.messageId(), config.inbox().queue(), e.getMessage());
            metrics.counter("drs.events.failed", "type", "unreadable").increment();
            deadLetter(message, e.getMessage());
            return;
        }
        String type = detailType(event);
        recordDelivery(metrics, event, type, clock.instant());
        Delivery delivery = new Delivery(event.deduplicationId(), type, receiveCount(message));
        MDC.put(MDC_CORRELATION_ID, correlationId(event));
        Timer.Sample sample = Timer.start(metrics);
        try {
            if (processed.seen(delivery.eventId())) {
                LOG.debugf("%s %s was processed before; dropping this delivery", type, delivery.eventId());
                metrics.counter("drs.events.duplicates", "type", type).increment();
            } else {
                handlers.get().handle(event, delivery);
                metrics.counter("drs.events.consumed", "type", type).increment();
            }
            delete(message);
        } catch (DuplicateEvent e) {
            metrics.counter("drs.events.duplicates", "type", type).increment();
            delete(message);
        } catch (RuntimeException e) {
            metrics.counter("drs.events.failed", "type", type).increment();
            int retryIn =
                    Math.min(config.inbox().visibilityTimeoutSeconds(), 1 << Math.min(delivery.receiveCount(), 6));
            LOG.warnf(
                    e,
                    "processing %s %s failed (receive %d of 5 before the dead-letter queue); retrying in %ds",
                    type,
                    delivery.eventId(),
                    delivery.receiveCount(),
                    retryIn);
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout(retryIn));
            } catch (RuntimeException ignored) {
                // the visibility timeout applies instead
            }
        } finally {
            sample.stop(metrics.timer("drs.events.processing", "type", type));
            MDC.remove(MDC_CORRELATION_ID);
        }
    }

    private void deadLetter(Message message, String reason) {
        String bounded = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        sqs.sendMessage(r -> r.queueUrl(deadLetterUrl)
                .messageBody(message.body())
                .messageAttributes(Map.of(
                        "error",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(bounded)
                                .build())));
        delete(message);
    }

    private void delete(Message message) {
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    /**
     * Records how long {@code event} took from its occurrence to {@code receivedAt} ({@code kit.inbox.delivery.latency}
     * by {@code type}); zero when the sender's clock was ahead.
     */
    static void recordDelivery(MeterRegistry metrics, InboundEvent event, String type, Instant receivedAt) {
        Duration latency = Duration.between(occurredAt(event), receivedAt);
        metrics.timer(CloudWatchNames.Meters.INBOX_DELIVERY_LATENCY, CloudWatchNames.TYPE, type)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    static Instant occurredAt(InboundEvent event) {
        if (event instanceof InboundEvent.Project p) {
            return p.event().metadata().occurredAt();
        }
        return ((InboundEvent.Aws) event).event().time();
    }

    static String detailType(InboundEvent event) {
        if (event instanceof InboundEvent.Project p) {
            return p.event().detailType();
        }
        return ((InboundEvent.Aws) event).event().type().detailType();
    }

    private static String correlationId(InboundEvent event) {
        if (event instanceof InboundEvent.Project p) {
            return p.event().metadata().correlationId();
        }
        return ((InboundEvent.Aws) event).event().eventId();
    }

    private static int receiveCount(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
