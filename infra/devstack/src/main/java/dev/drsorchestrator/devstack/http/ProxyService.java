package dev.drsorchestrator.devstack.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Forwards a service's requests unchanged to an embedded server of its own (ElasticMQ for SQS) and its answers
 * unchanged back: the backend's wire protocol and errors are what the SDK sees.
 */
public final class ProxyService implements AwsService {
    private static final Set<String> HOP_HEADERS = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive", "te");

    private final String signingName;
    private final URI backend;
    private final HttpClient client;

    public ProxyService(String signingName, URI backend) {
        this.signingName = signingName;
        this.backend = backend;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public String jsonContentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        String query = request.query().isEmpty() ? "" : "?" + rawQuery(request.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(backend.resolve(request.path() + query))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AwsServiceException(
                    503, "ServiceUnavailable", signingName + " backend at " + backend + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsServiceException(503, "ServiceUnavailable", "interrupted");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase();
            if (!HOP_HEADERS.contains(lower)
                    && !lower.equals("content-type")
                    && !lower.equals("date")
                    && !values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        String contentType = response.headers().firstValue("content-type").orElse("application/json");
        return new HttpResult(response.statusCode(), contentType, headers, response.body());
    }

    private static String rawQuery(Map<String, String> query) {
        StringBuilder b = new StringBuilder();
        query.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                    .append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        });
        return b.toString();
    }
}
