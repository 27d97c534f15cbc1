package dev.drsorchestrator.devstack.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls an embedded backend (ElasticMQ) in the awsJson1.0 protocol, as a signed SDK client would. */
public final class JsonRpc {
    private final URI endpoint;
    private final String targetPrefix;
    private final String signingName;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public JsonRpc(URI endpoint, String targetPrefix, String signingName) {
        this.endpoint = endpoint;
        this.targetPrefix = targetPrefix;
        this.signingName = signingName;
    }

    /** The answer's status and body; transport failures are {@link UncheckedIOException}. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String error() {
            return Json.text(body, "__type") + ": "
                    + (body.has("message") ? Json.text(body, "message") : Json.text(body, "Message"));
        }
    }

    public Answer call(String action, Object body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", targetPrefix + "." + action)
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=devstack/20260101/us-east-1/" + signingName
                                + "/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)))
                .build();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body().length == 0 ? Json.object() : Json.MAPPER.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(signingName + " backend at " + endpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
