package dev.drsorchestrator.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.EventCodec.OutgoingEvent;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import dev.drsorchestrator.kit.metrics.HopTimers;
import dev.drsorchestrator.kit.testing.ConfigProxy;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** The relay counts each event EventBridge took ({@code kit.outbox.published} by type) and each it did not. */
class OutboxRelayMetersTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<String> deleted = new ArrayList<>();

    private static Outbox.Entry entry(int i, String type) {
        return new Outbox.Entry(
                "0", String.format("%013d#e%d", i, i), new OutgoingEvent("drs-orchestrator.test", type, "e" + i, "{}"));
    }

    /** KitConfig as the relay reads it: the bus and the outbox table. */
    private static KitConfig config() {
        KitConfig.Outbox outbox = ConfigProxy.of(KitConfig.Outbox.class, Map.of("table", "svc-outbox"));
        return ConfigProxy.of(KitConfig.class, Map.of("busName", "bus", "serviceName", "svc", "outbox", outbox));
    }

    private DynamoDbClient dynamo() {
        return new DynamoDbClient() {
            @Override
            public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
                request.requestItems()
                        .values()
                        .forEach(writes -> writes.forEach(w ->
                                deleted.add(w.deleteRequest().key().get("sk").s())));
                return BatchWriteItemResponse.builder()
                        .unprocessedItems(Map.of())
                        .build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {}
        };
    }

    private static EventBridgeClient eventBridge(Function<PutEventsRequest, PutEventsResponse> answer) {
        return new EventBridgeClient() {
            @Override
            public PutEventsResponse putEvents(PutEventsRequest request) {
                return answer.apply(request);
            }

            @Override
            public String serviceName() {
                return "events";
            }

            @Override
            public void close() {}
        };
    }

    private OutboxRelay relay(Function<PutEventsRequest, PutEventsResponse> answer) {
        KitConfig config = config();
        return new OutboxRelay(
                dynamo(), eventBridge(answer), new Outbox(config), config, metrics, new HopTimers(metrics));
    }

    private double published(String type) {
        var counter = metrics.find(CloudWatchNames.Meters.OUTBOX_PUBLISHED)
                .tag(CloudWatchNames.TYPE, type)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer hop(String type) {
        return metrics.get(CloudWatchNames.Meters.HOP_PUBLISH)
                .tag(CloudWatchNames.TYPE, type)
                .timer();
    }

    @Test
    void eachPublishedEventTimesItsHopFromCreationToTheBus() {
        relay(OutboxRelayMetersTest::accepted).publish(List.of(entry(1, "WaveStarted"), entry(2, "WaveStarted")));

        Timer hop = hop("WaveStarted");
        assertThat(hop.count()).isEqualTo(2);
        // The entries were created at 1 and 2 ms after the epoch: decades before they were published.
        assertThat(hop.max(TimeUnit.DAYS)).isGreaterThan(365 * 50);
    }

    private double failures() {
        var counter =
                metrics.find(CloudWatchNames.Meters.OUTBOX_PUBLISH_FAILURES).counter();
        return counter == null ? 0 : counter.count();
    }

    private static PutEventsResponse accepted(PutEventsRequest request) {
        return PutEventsResponse.builder()
                .entries(request.entries().stream()
                        .map(e -> PutEventsResultEntry.builder().eventId("id").build())
                        .toList())
                .failedEntryCount(0)
                .build();
    }

    @Test
    void eachEventPutOnTheBusCountsOnceByItsDetailType() {
        relay(OutboxRelayMetersTest::accepted)
                .publish(List.of(entry(1, "ExecutionStarted"), entry(2, "WaveStarted"), entry(3, "WaveStarted")));

        assertThat(published("ExecutionStarted")).isEqualTo(1);
        assertThat(published("WaveStarted")).isEqualTo(2);
        assertThat(failures()).isZero();
        assertThat(deleted).hasSize(3);
    }

    @Test
    void anEntryEventBridgeRefusesIsAFailureAndStaysInTheOutbox() {
        relay(request -> PutEventsResponse.builder()
                        .entries(
                                PutEventsResultEntry.builder().eventId("id").build(),
                                PutEventsResultEntry.builder()
                                        .errorCode("InternalFailure")
                                        .errorMessage("try again")
                                        .build())
                        .failedEntryCount(1)
                        .build())
                .publish(List.of(entry(1, "WaveCompleted"), entry(2, "WaveFailed")));

        assertThat(published("WaveCompleted")).isEqualTo(1);
        assertThat(published("WaveFailed")).isZero();
        assertThat(hop("WaveCompleted").count()).isEqualTo(1);
        assertThat(metrics.find(CloudWatchNames.Meters.HOP_PUBLISH)
                        .tag(CloudWatchNames.TYPE, "WaveFailed")
                        .timer())
                .isNull();
        assertThat(failures()).isEqualTo(1);
        assertThat(deleted).containsExactly(String.format("%013d#e%d", 1, 1));
    }

    @Test
    void aFailedPutEventsCountsEveryEventOfItsRequest() {
        relay(request -> {
                    throw EventBridgeException.builder()
                            .message("unreachable")
                            .statusCode(500)
                            .build();
                })
                .publish(List.of(entry(1, "ExecutionFailed"), entry(2, "WaveFailed")));

        assertThat(published("ExecutionFailed")).isZero();
        assertThat(failures()).isEqualTo(2);
        assertThat(deleted).isEmpty();
    }
}
