package dev.drsorchestrator.contracts.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.drsorchestrator.contracts.Require;
import java.time.Instant;
import java.util.List;

/**
 * A project event as EventBridge delivers it to an SQS target: the EventBridge fields around our {@code detail}.
 *
 * @param id EventBridge's own id for this delivery; it is not {@code detail.metadata.eventId}
 */
@JsonPropertyOrder({"version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"})
public record EventBridgeEvent<T>(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        EventDetail<T> detail) {

    public EventBridgeEvent {
        Require.text(detailType, "detail-type");
        Require.text(source, "source");
        Require.nonNull(detail, "detail");
        resources = Require.optionalList(resources, "resources");
    }

    public EventMetadata metadata() {
        return detail.metadata();
    }

    public T data() {
        return detail.data();
    }
}
