package dev.drsorchestrator.kit.testing;

import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.EventType;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.contracts.testing.SchemaAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The project bus as a test sees it: puts events on it as another service would, and watches what the service under
 * test publishes through a test queue that a rule on the bus feeds (every event is checked against its schema).
 *
 * <p>It watches as a consumer does: an event published twice (the outbox publishes at least once: its sweep may
 * publish an entry the relay is still publishing) counts once, by {@code metadata.eventId}. Two events with different
 * ids — a service deciding something twice — both count.
 */
public final class EventBus {

    public static final String BUS = "drs-orchestrator";

    private final EventBridgeClient eventBridge;
    private final SqsClient sqs;
    private final String watchUrl;
    private final List<EventBridgeEvent<EventPayload>> seen = new ArrayList<>();
    private final java.util.Set<String> seenIds = new java.util.HashSet<>();

    /** Watches what {@code watched} publishes on the project bus through the queue {@code watchQueue}. */
    public EventBus(EventBridgeClient eventBridge, SqsClient sqs, String watchQueue, EventSource watched) {
        this.eventBridge = eventBridge;
        this.sqs = sqs;
        this.watchUrl = sqs.createQueue(r -> r.queueName(watchQueue)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(watchUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String rule = "test-" + watchQueue;
        eventBridge.putRule(
                r -> r.name(rule).eventBusName(BUS).eventPattern("{\"source\":[\"" + watched.source() + "\"]}"));
        eventBridge.putTargets(r -> r.rule(rule)
                .eventBusName(BUS)
                .targets(Target.builder().id("watch").arn(arn).build()));
    }

    /** Puts an event on the bus as its producer would; returns its metadata. */
    public EventMetadata put(EventPayload payload, String correlationId) {
        EventMetadata metadata = EventMetadata.first(correlationId, "test", Instant.now());
        put(payload, metadata);
        return metadata;
    }

    public void put(EventPayload payload, EventMetadata metadata) {
        EventCodec.OutgoingEvent event = EventCodec.outgoing(metadata, payload);
        putRaw(BUS, event.source(), event.detailType(), event.detailJson());
    }

    /** Puts an event as given on {@code bus}: an AWS service's event on the default bus, or a redelivery. */
    public void putRaw(String bus, String source, String detailType, String detailJson) {
        var response = eventBridge.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .eventBusName(bus)
                .source(source)
                .detailType(detailType)
                .detail(detailJson)
                .build()));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutEvents refused: " + response.entries());
        }
    }

    public static EventMetadata metadata() {
        return EventMetadata.first("test-" + UUID.randomUUID(), "test", Instant.now());
    }

    /** Waits for an event of the watched service's that matches; every event read is kept for later assertions. */
    public <T extends EventPayload> T awaitEvent(Class<T> type, Predicate<T> matching) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> all(type, matching), found -> !found.isEmpty())
                .get(0);
    }

    /** The metadata of the first matching event (who caused it, with which correlation and cause). */
    public <T extends EventPayload> EventMetadata awaitMetadata(Class<T> type, Predicate<T> matching) {
        T event = awaitEvent(type, matching);
        return seen.stream()
                .filter(e -> e.data() == event)
                .findFirst()
                .orElseThrow()
                .metadata();
    }

    /** Every event of this type seen so far that matches (after reading what is queued now). */
    public <T extends EventPayload> List<T> all(Class<T> type, Predicate<T> matching) {
        drain();
        return seen.stream()
                .map(EventBridgeEvent::data)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(matching)
                .toList();
    }

    private synchronized void drain() {
        while (true) {
            List<Message> messages = sqs.receiveMessage(
                            r -> r.queueUrl(watchUrl).maxNumberOfMessages(10))
                    .messages();
            if (messages.isEmpty()) {
                return;
            }
            for (Message m : messages) {
                EventBridgeEvent<EventPayload> event = EventCodec.read(m.body());
                SchemaAssertions.assertMatchesSchema(EventType.of(event.data()), m.body());
                if (seenIds.add(event.metadata().eventId())) {
                    seen.add(event);
                }
                sqs.deleteMessage(r -> r.queueUrl(watchUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    public static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
