package dev.drsorchestrator.execution;

import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.execution.application.ExecutionWatch;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /executions/{id}/events}: the current state first, then each change within a second or two, whether this
 * instance committed it (a control, a report) or another one did (found by the poll); {@code Last-Event-ID};
 * keep-alive comments; the refusals as problem+json; and the {@code controls} of the detail.
 */
@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ExecutionStreamTest extends DevstackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    ExecutionStore store;

    @Inject
    ExecutionWatch watch;

    private ExecutionId running() {
        ExecutionId id = request(
                        Fixtures.request(ExecutionId.random(), PlanId.random(), ExecutionType.DRILL, 0, threeTiers()))
                .executionId();
        bus.awaitEvent(WaveLaunchRequested.class, l -> l.executionId().equals(id));
        return id;
    }

    private long version(ExecutionId id) {
        return store.find(id).orElseThrow().version();
    }

    private static String viewer() {
        return Identities.token("stream-viewer", Roles.VIEWER);
    }

    @Test
    void aStreamGetsTheCurrentStateFirstThenEachChangeOfAControlOrAReportWithinSeconds() throws Exception {
        ExecutionId id = running();
        long v = version(id);
        await().atMost(Duration.ofSeconds(5))
                .alias("the streams of earlier tests, whose clients left, are dropped")
                .until(() -> watch.streams() == 0);
        int before = watch.streams();
        try (Events stream = Events.open(id, viewer(), null)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.response.headers().firstValue("Cache-Control")).hasValue("no-cache");

            Event first = stream.awaitEvents(1).get(0);
            assertThat(first.name()).isEqualTo("execution");
            assertThat(first.id()).isEqualTo(Long.toString(v));
            String detail = given().get("/executions/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(withoutRto(first.data()))
                    .as("the data is GET /executions/{id}'s body (but for the RTO's elapsed seconds)")
                    .isEqualTo(withoutRto(detail));
            assertThat(first.json().get("status").asText()).isEqualTo("RUNNING");
            assertThat(texts(first.json().get("controls"))).containsExactly("cancel", "pause");
            assertThat(watch.streams()).isEqualTo(before + 1);

            control(id.value(), "pause", "{\"reason\":\"stream test\"}").statusCode(200);
            Event paused = stream.awaitEvents(2, Duration.ofSeconds(2)).get(1);
            assertThat(paused.id()).isEqualTo(Long.toString(v + 1));
            assertThat(paused.json().get("status").asText()).isEqualTo("PAUSED");
            assertThat(texts(paused.json().get("controls"))).containsExactly("cancel", "resume");

            adapter.answer(id); // the db wave's jobs report, one change each
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<Event> events = stream.events();
                JsonNode last = events.get(events.size() - 1).json();
                return last.at("/waves/0/counts/launched").asInt() == 3;
            });
            List<Long> ids =
                    stream.events().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).as("each version once, in order").isSorted().doesNotHaveDuplicates();

            await().atMost(Duration.ofSeconds(6)).until(() -> stream.lines().contains(": keep-alive"));
        }
        await().atMost(Duration.ofSeconds(5))
                .alias("the stream is dropped once its client left")
                .until(() -> watch.streams() == before);
    }

    @Test
    void withLastEventIdAtTheCurrentVersionTheFirstMessageIsTheNextChange() throws Exception {
        ExecutionId id = running();
        long v = version(id);
        try (Events stream = Events.open(id, viewer(), Long.toString(v))) {
            control(id.value(), "pause", "{\"reason\":\"resume test\"}").statusCode(200);
            Event first = stream.awaitEvents(1, Duration.ofSeconds(2)).get(0);
            assertThat(first.id()).isEqualTo(Long.toString(v + 1));
            assertThat(first.json().get("status").asText()).isEqualTo("PAUSED");
        }
        // Not a number, or an older version: the current state first.
        for (String lastEventId : List.of("not-a-number", Long.toString(v))) {
            try (Events stream = Events.open(id, viewer(), lastEventId)) {
                Event first = stream.awaitEvents(1).get(0);
                assertThat(first.id()).isEqualTo(Long.toString(v + 1));
                assertThat(first.json().get("status").asText()).isEqualTo("PAUSED");
            }
        }
    }

    @Test
    void aChangeCommittedByAnotherInstanceArrivesThroughThePollOnEveryStream() throws Exception {
        ExecutionId id = running();
        long v = version(id);
        try (Events one = Events.open(id, viewer(), null);
                Events two = Events.open(id, viewer(), null)) {
            one.awaitEvents(1);
            two.awaitEvents(1);

            // Written straight to the table, as another task of the service would: this instance is not told.
            ExecutionStore.Stored read = store.find(id).orElseThrow();
            Execution changed = read.execution();
            changed.comment = "changed by another instance";
            store.save(
                    new ExecutionStore.Change(changed, List.of(), List.of(), List.of(), false, false, null, null),
                    read.version(),
                    null);

            for (Events stream : List.of(one, two)) {
                Event next = stream.awaitEvents(2, Duration.ofSeconds(4)).get(1);
                assertThat(next.id()).isEqualTo(Long.toString(v + 1));
                assertThat(next.json().get("comment").asText()).isEqualTo("changed by another instance");
            }
        }
    }

    @Test
    void noTokenIs401AndAnUnknownOrMalformedExecutionIs404AsProblemJsonAndReadingIsNotAudited() throws Exception {
        ExecutionId id = running();
        given().auth()
                .none()
                .accept("text/event-stream")
                .get("/executions/" + id + "/events")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm="));
        given().accept("text/event-stream")
                .get("/executions/" + ExecutionId.random() + "/events")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("may still be on its way"));
        given().accept("text/event-stream")
                .get("/executions/not-an-id/events")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        try (Events stream = Events.open(id, viewer(), null)) {
            stream.awaitEvents(1);
        }
        List<Map<String, Object>> audited = given().queryParam("limit", 500)
                .get("/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(audited).noneMatch(e -> String.valueOf(e.get("path")).endsWith("/events"));
    }

    @Test
    void theDetailListsTheControlsItsStateAcceptsAndListsDoNot() {
        ExecutionId id = request(
                        Fixtures.request(ExecutionId.random(), PlanId.random(), ExecutionType.DRILL, 1, threeTiers()))
                .executionId();
        bus.awaitEvent(ExecutionAwaitingApproval.class, e -> e.executionId().equals(id));
        given().get("/executions/" + id)
                .then()
                .statusCode(200)
                .body("controls", equalTo(List.of("approve", "cancel")))
                .body("waves.controls", equalTo(List.of(List.of("skip"), List.of("skip"), List.of("skip"))));
        // The answer to a control shows what the new state accepts.
        control(id.value(), "approve", "{}")
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("controls", equalTo(List.of("cancel", "pause")))
                .body("waves[0].controls", equalTo(List.of()))
                .body("waves[1].controls", equalTo(List.of("skip")));
        given().queryParam("status", "RUNNING")
                .queryParam("limit", 500)
                .get("/executions")
                .then()
                .statusCode(200)
                .body("items.find { it.executionId == '" + id + "' }.controls", nullValue())
                .body("items.find { it.executionId == '" + id + "' }.waves[0].controls", nullValue());
        control(id.value(), "cancel", "{\"reason\":\"done looking\"}")
                .statusCode(200)
                .body("controls", equalTo(List.of("cleanup")));
    }

    @Test
    void theDetailAControlsAnswerAndTheStreamCarryTheStoredVersionAndItGrows() throws Exception {
        ExecutionId id = running();
        long v = version(id);
        given().get("/executions/" + id).then().statusCode(200).body("version", equalTo((int) v));
        try (Events stream = Events.open(id, viewer(), null)) {
            Event first = stream.awaitEvents(1).get(0);
            assertThat(first.json().get("version").asLong()).isEqualTo(v).isEqualTo(Long.parseLong(first.id()));

            long paused = control(id.value(), "pause", "{\"reason\":\"version test\"}")
                    .statusCode(200)
                    .body("status", equalTo("PAUSED"))
                    .extract()
                    .<Number>path("version")
                    .longValue();
            assertThat(paused).as("what the control committed").isEqualTo(v + 1).isEqualTo(version(id));
            Event next = stream.awaitEvents(2, Duration.ofSeconds(2)).get(1);
            assertThat(next.json().get("version").asLong()).isEqualTo(paused);
            assertThat(next.id()).isEqualTo(Long.toString(paused));

            long resumed = control(id.value(), "resume", "{}")
                    .statusCode(200)
                    .extract()
                    .<Number>path("version")
                    .longValue();
            assertThat(resumed).isGreaterThan(paused);
        }
        given().queryParam("status", "RUNNING")
                .queryParam("limit", 500)
                .get("/executions")
                .then()
                .statusCode(200)
                .body("items.find { it.executionId == '" + id + "' }.version", nullValue());
    }

    @Test
    void theServerClosesAStreamWhenItsTokenExpires() throws Exception {
        ExecutionId id = running();
        await().atMost(Duration.ofSeconds(5)).until(() -> watch.streams() == 0);
        int before = watch.streams();
        viewer(); // the user exists
        String shortLived = Identities.pool().accessToken("stream-viewer", Instant.now(), Duration.ofSeconds(3));
        try (Events stream = Events.open(id, shortLived, null)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            stream.awaitEvents(1);
            assertThat(stream.ended).isFalse();
            await().atMost(Duration.ofSeconds(8))
                    .alias("the server ends the response at the token's exp")
                    .until(() -> stream.ended);
            assertThat(watch.streams()).isEqualTo(before);
        }
    }

    @Test
    void aCallerWithoutViewerGets403AsProblemJson() {
        ExecutionId id = running();
        String nobody = Identities.token("stream-nobody");
        given().auth()
                .oauth2(nobody)
                .accept("text/event-stream")
                .get("/executions/" + id + "/events")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("requiredRole", equalTo(Roles.VIEWER));
    }

    // ------------------------------------------------------------------------------------------------ the client

    private static String withoutRto(String json) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("rto");
        return node.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** One Server-Sent Event as the console reads it. */
    record Event(@Nullable String id, @Nullable String name, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("the data is not JSON: " + data, e);
            }
        }
    }

    /**
     * A stream read as the console reads it ({@code fetch} with a bearer token, not EventSource): the response's
     * lines, read in a thread as they come.
     */
    static final class Events implements AutoCloseable {
        final HttpResponse<Stream<String>> response;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        /** The server ended the response. */
        volatile boolean ended;

        private Events(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(
                    () -> {
                        try {
                            response.body().forEach(lines::add);
                            ended = true;
                        } catch (RuntimeException e) {
                            // closed by the test
                        }
                    },
                    "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Events open(ExecutionId id, String token, @Nullable String lastEventId)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/executions/" + id + "/events"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token)
                    .GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            return new Events(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        /** Every line of a response the server ended (a refusal's body). */
        List<String> awaitLines() {
            await().atMost(Duration.ofSeconds(5)).until(() -> ended);
            return lines();
        }

        /** The complete events so far (a blank line ends each; comments are not events). */
        List<Event> events() {
            List<Event> events = new ArrayList<>();
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line : lines()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" ->
                            data = data == null
                                    ? new StringBuilder(value)
                                    : data.append('\n').append(value);
                        default -> {}
                    }
                }
            }
            return events;
        }

        List<Event> awaitEvents(int count) {
            return awaitEvents(count, Duration.ofSeconds(5));
        }

        List<Event> awaitEvents(int count, Duration within) {
            return await().atMost(within).until(this::events, events -> events.size() >= count);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
