package dev.drsorchestrator.devstack.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.events.EventBridgeService;
import dev.drsorchestrator.devstack.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch alarms as far as the product sees them: an admin call sets an alarm's state and, when the state changes,
 * the "CloudWatch Alarm State Change" event goes to the default bus in AWS's shape (state, previousState,
 * configuration). There is no CloudWatch API: the product never calls it.
 */
public final class AlarmService {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final Set<String> STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");

    private record Alarm(ObjectNode state, ObjectNode configuration) {}

    private final String account;
    private final String region;
    private final Clock clock;
    private final EventBridgeService events;
    private final Map<String, Alarm> alarms = new TreeMap<>();

    public AlarmService(String account, String region, Clock clock, EventBridgeService events) {
        this.account = account;
        this.region = region;
        this.clock = clock;
        this.events = events;
    }

    public synchronized void reset() {
        alarms.clear();
    }

    /**
     * Sets an alarm's state. Returns the event sent, or null when the state did not change (AWS sends none then).
     *
     * @param configuration the alarm's {@code configuration} block (description, metrics); kept from earlier calls
     *     when null
     */
    public @Nullable ObjectNode setState(
            String name, String state, @Nullable String reason, @Nullable JsonNode configuration) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("alarmName: 1 to 255 characters");
        }
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("state: OK, ALARM or INSUFFICIENT_DATA, got " + state);
        }
        Instant now = Instant.now(clock);
        ObjectNode detail;
        synchronized (this) {
            Alarm previous = alarms.get(name);
            ObjectNode previousState = previous != null
                    ? previous.state()
                    : Json.object()
                            .put("value", "INSUFFICIENT_DATA")
                            .put("reason", "Unchecked: Initial alarm creation")
                            .put("timestamp", STAMP.format(now));
            if (previousState.path("value").asText().equals(state)) {
                return null;
            }
            ObjectNode config = configuration != null && configuration.isObject()
                    ? (ObjectNode) configuration.deepCopy()
                    : previous != null
                            ? previous.configuration()
                            : Json.object().put("description", "devstack alarm " + name);
            if (!config.has("metrics")) {
                config.putArray("metrics");
            }
            ObjectNode newState = Json.object()
                    .put("value", state)
                    .put("reason", reason == null ? "Threshold Crossed: set by devstack" : reason)
                    .put("reasonData", "{\"version\":\"1.0\",\"source\":\"devstack\"}")
                    .put("timestamp", STAMP.format(now));
            alarms.put(name, new Alarm(newState, config));
            detail = Json.object().put("alarmName", name);
            detail.set("state", newState);
            detail.set("previousState", previousState);
            detail.set("configuration", config);
        }
        events.putEvent(
                EventBridgeService.DEFAULT_BUS,
                "aws.cloudwatch",
                "CloudWatch Alarm State Change",
                detail,
                List.of("arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name));
        return detail;
    }
}
