package dev.drsorchestrator.devstack.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the edge writes back: status, content type, extra headers, body. */
public record HttpResult(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static HttpResult json(int status, Object body, String contentType) {
        return new HttpResult(status, contentType, new LinkedHashMap<>(), Json.bytes(body));
    }

    public static HttpResult json(Object body) {
        return json(200, body, "application/json");
    }

    public static HttpResult text(int status, String contentType, String body) {
        return new HttpResult(status, contentType, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResult empty(int status) {
        return new HttpResult(status, "application/json", new LinkedHashMap<>(), new byte[0]);
    }

    public HttpResult header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
