package dev.drsorchestrator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A small JSON client for the services' and devstack's REST APIs, as a user (or a script) calls them. */
public final class Rest {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String actor;

    public Rest(String actor) {
        this.actor = actor;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** One answer: the status and the body, read as JSON when it is JSON. */
    public record Response(String method, String url, int status, String body) {

        public JsonNode json() {
            try {
                return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(method + " " + url + " answered " + status + " with a body that is"
                        + " not JSON: " + abbreviate(body));
            }
        }

        /** This answer, when its status is one of these; otherwise a failure that shows the problem. */
        public Response expect(int... statuses) {
            if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
                throw new UnexpectedAnswer(this, Arrays.toString(statuses));
            }
            return this;
        }

        public String text(String field) {
            return json().path(field).asText();
        }

        @Override
        public String toString() {
            return method + " " + url + " -> " + status + " " + abbreviate(body);
        }
    }

    /** A status that was not expected, with the problem+json the service gave. */
    public static final class UnexpectedAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Response response;

        UnexpectedAnswer(Response response, String expected) {
            super(response.method() + " " + response.url() + " answered " + response.status() + " (expected " + expected
                    + "): " + abbreviate(response.body()));
            this.response = response;
        }

        public Response response() {
            return response;
        }
    }

    public Response get(String url) {
        return send("GET", url, null);
    }

    public Response post(String url, @Nullable Object body) {
        return send("POST", url, body);
    }

    public Response put(String url, @Nullable Object body) {
        return send("PUT", url, body);
    }

    /** The answer, or empty when nothing listens (yet) at the address. */
    public Optional<Response> probe(String url) {
        try {
            return Optional.of(get(url));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    private Response send(String method, String url, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("X-Actor", actor);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the request body as JSON", e);
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method, url, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + url, e);
        }
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 600 ? flat : flat.substring(0, 600) + "...";
    }
}
