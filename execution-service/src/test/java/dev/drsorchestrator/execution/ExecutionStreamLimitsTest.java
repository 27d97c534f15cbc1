package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.execution.ExecutionStreamTest.Events;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream's limits over HTTP, with {@code execution.stream.max-streams=1} and {@code execution.stream.max-life=2s}:
 * a second stream is refused with 503 problem+json and Retry-After; the first is closed by the server after its
 * max-life, and then there is room again.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
@TestProfile(ExecutionStreamLimitsTest.OneShortStream.class)
class ExecutionStreamLimitsTest extends DevstackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static class OneShortStream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("execution.stream.max-streams", "1", "execution.stream.max-life", "2s");
        }
    }

    @Test
    void aStreamBeyondMaxStreamsIs503WithRetryAfterAndAStreamEndsAfterMaxLife() throws Exception {
        ExecutionId id = request(
                        Fixtures.request(ExecutionId.random(), PlanId.random(), ExecutionType.DRILL, 0, threeTiers()))
                .executionId();
        bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id));
        String viewer = Identities.token("limits-viewer", Roles.VIEWER);
        try (Events first = Events.open(id, viewer, null)) {
            first.awaitEvents(1);
            try (Events second = Events.open(id, viewer, null)) {
                assertThat(second.response.statusCode()).isEqualTo(503);
                assertThat(second.response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(second.response.headers().firstValue("Retry-After")).isPresent();
                JsonNode problem = JSON.readTree(String.join("\n", second.awaitLines()));
                assertThat(problem.get("status").asInt()).isEqualTo(503);
                assertThat(problem.get("openStreams").asInt()).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(6))
                    .alias("the server ends the stream after max-life")
                    .until(() -> first.ended);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (Events again = Events.open(id, viewer, null)) {
                assertThat(again.response.statusCode()).isEqualTo(200);
                again.awaitEvents(1);
            }
        });
    }
}
