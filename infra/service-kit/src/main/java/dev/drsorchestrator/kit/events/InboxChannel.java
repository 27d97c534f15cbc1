package dev.drsorchestrator.kit.events;

import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.envelope.InvalidEventException;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.DuplicateEvent;
import dev.drsorchestrator.kit.metrics.HopTimers;
import dev.drsorchestrator.kit.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.aws.sqs.SqsIncomingMetadata;
import io.smallrye.reactive.messaging.aws.sqs.SqsReceiveMessageRequestCustomizer;
import io.smallrye.reactive.messaging.aws.sqs.fault.VisibilityTimeoutMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Consumes the service's inbox queue through SmallRye Reactive Messaging's SQS connector (channel {@value #CHANNEL},
 * configured in the kit's {@code META-INF/microprofile-config.properties} from {@code kit.inbox.*}), on the
 * {@code SqsAsyncClient} that quarkus-amazon-sqs builds. Up to {@code kit.inbox.consumers} messages are processed at
 * once, on the worker pool {@value #WORKERS}.
 *
 * <p>For each message: read the event, skip it if its id was processed before, else hand it to the
 * {@link InboxHandler}, which commits the change and the event id in one transaction; the message is acknowledged,
 * and so deleted, only after that returns (or reports a duplicate). A failure leaves the message for SQS to deliver
 * again, sooner at first (the visibility timeout grows with each receive: 2, 4, 8 … seconds, up to
 * {@code kit.inbox.visibility-timeout-seconds}); after five receives the queue's redrive policy moves it to the
 * dead-letter queue. A message that is not a readable event goes to the dead-letter queue at once, with the reason
 * in its {@code error} attribute. Either way the consumer goes on with the next message.
 *
 * <p>Each message is a CONSUMER span, the child of the event's {@code metadata.traceparent}; the hop timers
 * ({@link HopTimers}) record published → received and received → committed.
 */
@ApplicationScoped
public class InboxChannel {

    private static final Logger LOG = Logger.getLogger(InboxChannel.class);
    public static final String CHANNEL = "inbox";
    static final String WORKERS = "kit-inbox";
    public static final String MDC_CORRELATION_ID = "correlationId";

    private final SqsAsyncClient sqs;
    private final KitConfig config;
    private final ProcessedEvents processed;
    private final Instance<InboxHandler> handlers;
    private final MeterRegistry metrics;
    private final HopTimers hops;
    private final Tracing tracing;
    private final Clock clock;
    private volatile String deadLetterUrl;

    InboxChannel(
            SqsAsyncClient sqs,
            KitConfig config,
            ProcessedEvents processed,
            Instance<InboxHandler> handlers,
            MeterRegistry metrics,
            HopTimers hops,
            Tracing tracing,
            Clock clock) {
        this.sqs = sqs;
        this.config = config;
        this.processed = processed;
        this.handlers = handlers;
        this.metrics = metrics;
        this.hops = hops;
        this.tracing = tracing;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Blocking(value = WORKERS, ordered = false)
    public CompletionStage<Void> consume(Message<String> message) {
        var sqsMessage = message.getMetadata(SqsIncomingMetadata.class)
                .map(SqsIncomingMetadata::getMessage)
                .orElseThrow();
        Instant receivedAt = clock.instant();
        InboundEvent event;
        try {
            event = EventCodec.readAny(message.getPayload());
        } catch (InvalidEventException e) {
            return deadLetter(message, sqsMessage.messageId(), e.getMessage());
        }
        String type = Inbound.detailType(event);
        Inbound.recordDelivery(metrics, event, type, receivedAt);
        long sentAt = attribute(sqsMessage.attributes(), MessageSystemAttributeName.SENT_TIMESTAMP, 0);
        if (sentAt > 0) {
            hops.delivered(type, Instant.ofEpochMilli(sentAt), receivedAt);
        }
        Delivery delivery = new Delivery(event.deduplicationId(), type, (int)
                attribute(sqsMessage.attributes(), MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, 1));
        MDC.put(MDC_CORRELATION_ID, Inbound.correlationId(event));
        try (Tracing.Work work = tracing.start("receive " + type, SpanKind.CONSUMER, Inbound.traceparent(event))
                .attribute(Tracing.CORRELATION_ID, Inbound.correlationId(event))) {
            try {
                if (processed.seen(delivery.eventId())) {
                    duplicate(type, delivery);
                } else {
                    handlers.get().handle(event, delivery);
                    metrics.counter("drs.events.consumed", "type", type).increment();
                    hops.handled(type, receivedAt, clock.instant());
                }
                return message.ack();
            } catch (DuplicateEvent e) {
                duplicate(type, delivery);
                return message.ack();
            } catch (RuntimeException e) {
                work.fail(e);
                return retry(message, type, delivery, e);
            }
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
        }
    }

    private void duplicate(String type, Delivery delivery) {
        LOG.debugf("%s %s was processed before; dropping this delivery", type, delivery.eventId());
        metrics.counter("drs.events.duplicates", "type", type).increment();
    }

    private CompletionStage<Void> retry(Message<String> message, String type, Delivery delivery, RuntimeException e) {
        metrics.counter("drs.events.failed", "type", type).increment();
        int retryIn = Math.min(config.inbox().visibilityTimeoutSeconds(), 1 << Math.min(delivery.receiveCount(), 6));
        LOG.warnf(
                e,
                "processing %s %s failed (receive %d of 5 before the dead-letter queue); retrying in %ds",
                type,
                delivery.eventId(),
                delivery.receiveCount(),
                retryIn);
        return message.nack(e, Metadata.of(new VisibilityTimeoutMetadata(retryIn)));
    }

    /** Sends the message to the dead-letter queue with {@code reason}, then deletes it from the inbox. */
    private CompletionStage<Void> deadLetter(Message<String> message, String messageId, String reason) {
        LOG.errorf(
                "message %s in %s is not a readable event and goes to the dead-letter queue: %s",
                messageId, config.inbox().queue(), reason);
        metrics.counter("drs.events.failed", "type", "unreadable").increment();
        String bounded = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        try {
            sqs.sendMessage(r -> r.queueUrl(deadLetterUrl())
                            .messageBody(message.getPayload())
                            .messageAttributes(Map.of(
                                    "error",
                                    MessageAttributeValue.builder()
                                            .dataType("String")
                                            .stringValue(bounded)
                                            .build())))
                    .join();
        } catch (RuntimeException e) {
            LOG.warnf("moving message %s to the dead-letter queue failed (%s); it is tried again", messageId, e);
            return message.nack(e, Metadata.of(new VisibilityTimeoutMetadata(1)));
        }
        return message.ack();
    }

    private String deadLetterUrl() {
        String url = deadLetterUrl;
        if (url == null) {
            url = sqs.getQueueUrl(r -> r.queueName(config.inbox().queue() + "-dlq"))
                    .join()
                    .queueUrl();
            deadLetterUrl = url;
        }
        return url;
    }

    private static long attribute(
            Map<MessageSystemAttributeName, String> attributes, MessageSystemAttributeName name, long otherwise) {
        String value = attributes.get(name);
        try {
            return value == null ? otherwise : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * The inbox's receive requests also ask for the receive count (for the retry delay and the log) and the time the
     * message was sent (for {@link HopTimers#delivered}).
     */
    @ApplicationScoped
    @Identifier(CHANNEL)
    static class ReceiveAttributes implements SqsReceiveMessageRequestCustomizer {
        @Override
        public void customize(ReceiveMessageRequest.Builder builder) {
            builder.messageSystemAttributeNames(
                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENT_TIMESTAMP);
        }
    }
}
