package dev.drsorchestrator.kit.events;

import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import dev.drsorchestrator.kit.metrics.HopTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes outbox items to EventBridge and deletes them once EventBridge took them. The service calls
 * {@link #publish(List)} right after its transaction commits (no polling delay on the way to the next wave); a sweep
 * every {@code kit.outbox.sweep-interval} publishes whatever a crash or an EventBridge error left behind. An event
 * may so be published twice; consumers deduplicate on {@code metadata.eventId}.
 *
 * <p>Meters: the hop timer commit → published ({@link HopTimers#published}), {@code kit.outbox.published} (by {@code type}, the detail-type) for each event EventBridge accepted, and
 * {@code kit.outbox.publish.failures} for each event it did not take (PutEvents failed, or refused that entry).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int PUT_EVENTS_BATCH = 10;
    private static final int DELETE_BATCH = 25;
    /** PutEvents' limit on the total size of one request's entries (AWS counts source, detail-type and detail). */
    static final int PUT_EVENTS_MAX_BYTES = 256 * 1024;

    private final DynamoDbClient dynamo;
    private final EventBridgeClient eventBridge;
    private final Outbox outbox;
    private final KitConfig config;
    private final MeterRegistry metrics;
    private final HopTimers hops;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService sweeper;

    OutboxRelay(
            DynamoDbClient dynamo,
            EventBridgeClient eventBridge,
            Outbox outbox,
            KitConfig config,
            MeterRegistry metrics,
            HopTimers hops) {
        this.dynamo = dynamo;
        this.eventBridge = eventBridge;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
        this.hops = hops;
    }

    void start(@Observes @Priority(200) StartupEvent event) {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, config.serviceName() + "-outbox-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = config.outbox().sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    /** Publishes entries that were just committed, in order; whatever fails stays for the sweep. */
    public void publish(List<Outbox.Entry> entries) {
        for (List<Outbox.Entry> batch : batches(entries)) {
            try {
                delete(put(batch));
            } catch (RuntimeException e) {
                // put() counted the events it could not publish; a failed delete only means a later duplicate.
                LOG.warnf(
                        "publishing %d event(s) failed (%s); the outbox sweep will retry them",
                        batch.size(), e.getMessage());
            }
        }
    }

    /** Publishes every outbox item older than the sweep's minimum age; returns how many were published. */
    public int sweep() {
        long cutoff = clock.millis() - config.outbox().sweepMinAge().toMillis();
        int published = 0;
        for (int shard = 0; shard < Outbox.SHARDS; shard++) {
            String shardKey = Integer.toString(shard);
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(q -> q.tableName(outbox.tableName())
                        .keyConditionExpression("#shard = :shard AND #sk < :cutoff")
                        .expressionAttributeNames(Map.of("#shard", Outbox.SHARD, "#sk", Outbox.SK))
                        .expressionAttributeValues(Map.of(
                                ":shard", AttributeValue.fromS(shardKey),
                                ":cutoff", AttributeValue.fromS(String.format("%013d", cutoff))))
                        .exclusiveStartKey(from)
                        .limit(100)
                        .consistentRead(true));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
                List<Outbox.Entry> entries =
                        page.items().stream().map(Outbox.Entry::fromItem).toList();
                if (!entries.isEmpty()) {
                    LOG.infof("outbox sweep: publishing %d event(s) left behind", entries.size());
                    List<Outbox.Entry> done = put(entries);
                    delete(done);
                    published += done.size();
                }
            } while (start != null);
        }
        return published;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "outbox sweep failed (%s); it runs again in %s",
                    e.getMessage(), config.outbox().sweepInterval());
        }
    }

    /**
     * Groups entries, in order, into PutEvents requests of at most ten entries and {@value #PUT_EVENTS_MAX_BYTES}
     * bytes: ten large events (inventory chunks) would otherwise make one request EventBridge refuses whole.
     */
    static List<List<Outbox.Entry>> batches(List<Outbox.Entry> entries) {
        List<List<Outbox.Entry>> out = new ArrayList<>();
        List<Outbox.Entry> current = new ArrayList<>();
        long bytes = 0;
        for (Outbox.Entry e : entries) {
            long size = size(e);
            if (!current.isEmpty() && (current.size() == PUT_EVENTS_BATCH || bytes + size > PUT_EVENTS_MAX_BYTES)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e);
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    static long size(Outbox.Entry e) {
        return utf8(e.event().source())
                + utf8(e.event().detailType())
                + utf8(e.event().detailJson());
    }

    private static long utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** PutEvents in size-bounded batches; returns the entries EventBridge accepted. */
    private List<Outbox.Entry> put(List<Outbox.Entry> entries) {
        List<Outbox.Entry> accepted = new ArrayList<>();
        for (List<Outbox.Entry> batch : batches(entries)) {
            PutEventsResponse response;
            try {
                response = eventBridge.putEvents(r -> r.entries(batch.stream()
                        .map(e -> PutEventsRequestEntry.builder()
                                .eventBusName(config.busName())
                                .source(e.event().source())
                                .detailType(e.event().detailType())
                                .detail(e.event().detailJson())
                                .build())
                        .toList()));
            } catch (RuntimeException e) {
                metrics.counter(CloudWatchNames.Meters.OUTBOX_PUBLISH_FAILURES).increment(batch.size());
                throw e;
            }
            List<PutEventsResultEntry> results = response.entries();
            Instant publishedAt = clock.instant();
            for (int j = 0; j < batch.size(); j++) {
                PutEventsResultEntry result = j < results.size() ? results.get(j) : null;
                Outbox.Entry entry = batch.get(j);
                if (result != null && result.errorCode() == null) {
                    accepted.add(entry);
                    hops.published(entry.event().detailType(), entry.createdAt(), publishedAt);
                    metrics.counter(
                                    CloudWatchNames.Meters.OUTBOX_PUBLISHED,
                                    CloudWatchNames.TYPE,
                                    entry.event().detailType())
                            .increment();
                } else {
                    metrics.counter(CloudWatchNames.Meters.OUTBOX_PUBLISH_FAILURES)
                            .increment();
                    LOG.warnf(
                            "EventBridge refused %s %s: %s %s; the outbox keeps it",
                            entry.event().detailType(),
                            entry.event().eventId(),
                            result == null ? "no result" : result.errorCode(),
                            result == null ? "" : result.errorMessage());
                }
            }
        }
        return accepted;
    }

    private void delete(List<Outbox.Entry> published) {
        for (int i = 0; i < published.size(); i += DELETE_BATCH) {
            List<WriteRequest> deletes = published.subList(i, Math.min(published.size(), i + DELETE_BATCH)).stream()
                    .map(e -> WriteRequest.builder()
                            .deleteRequest(DeleteRequest.builder().key(e.key()).build())
                            .build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(outbox.tableName(), deletes);
            for (int attempt = 0; attempt < 5 && !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }
}
