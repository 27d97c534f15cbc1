package dev.drsorchestrator.kit.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://drs-orchestrator.dev/problems/";

    private Problems() {}

    public static Response response(ProblemException e, @Nullable String instance) {
        return response(e.status(), e.type(), e.title(), e.getMessage(), instance, e.errors(), e.extensions());
    }

    public static Response response(
            int status,
            String type,
            String title,
            String detail,
            @Nullable String instance,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        extensions.forEach(body::putIfAbsent);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    /** The JSON path a Jackson error points at, such as {@code sourceServerIds[2]}. */
    public static String path(JsonMappingException e) {
        return dev.drsorchestrator.contracts.EventCodec.path(e);
    }
}
