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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON client for the services' and devstack's REST APIs, as a user (or a script) calls them: with that
 * user's bearer token ({@link Users#rest}), or without one for health, devstack's admin API and the identity provider.
 */
public final class Rest {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final HttpClient http = HTTP;
    private final @Nullable Supplier<String> token;

    /** Without credentials. */
    public Rest() {
        this.token = null;
    }

    /** As the user whose current access token {@code token} gives. */
    public Rest(Supplier<String> token) {
        this.token = token;
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

    public Response delete(String url) {
        return send("DELETE", url, null);
    }

    /** An AWS JSON 1.1 API call (unsigned; devstack routes it by {@code X-Amz-Target}). */
    public Response aws(String url, String target, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", target)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response("POST", url + " " + target, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(target + " at " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + target, e);
        }
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
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token.get());
        }
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
