package dev.drsorchestrator.kit.audit;

import dev.drsorchestrator.kit.rest.CorrelationFilter;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jspecify.annotations.Nullable;

/**
 * Every state-changing request (POST, PUT, PATCH, DELETE) becomes an audit entry when it is answered, whether it was
 * accepted or refused (401, 403, 404, 409, 4xx) or failed: who, from where, what, which ids, the status and why.
 */
public class AuditRecorder {

    static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_DETAIL = 1000;

    private final AuditContext context;
    private final AuditTrail trail;

    AuditRecorder(AuditContext context, AuditTrail trail) {
        this.context = context;
        this.trail = trail;
    }

    /** After the correlation filter, so that the entry carries the request's correlation id. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void arrived(ContainerRequestContext request, UriInfo uri, HttpServerRequest http) {
        if (CHANGES.contains(request.getMethod())) {
            begin(request, uri, http);
        }
    }

    @ServerResponseFilter
    public void answered(
            ContainerRequestContext request, ContainerResponseContext response, UriInfo uri, HttpServerRequest http) {
        if (!CHANGES.contains(request.getMethod()) || uri.getPath().startsWith("/q/")) {
            return;
        }
        begin(request, uri, http);
        AuditEntry entry = context.current();
        if (entry == null) {
            return;
        }
        List<String> created = new ArrayList<>();
        URI location = response.getLocation();
        if (location != null) {
            String p = location.getPath();
            created.add(p.substring(p.lastIndexOf('/') + 1));
        }
        int status = response.getStatus();
        AuditEntry answered = entry.answered(status, status >= 400 ? detail(response.getEntity()) : null, created);
        if (Context.isOnEventLoopThread()) {
            // Refused before any resource ran (401, 403 by role): the answer is on the event loop, which must not
            // wait for DynamoDB.
            Infrastructure.getDefaultWorkerPool().execute(() -> trail.record(answered));
        } else {
            trail.record(answered);
        }
    }

    private void begin(ContainerRequestContext request, UriInfo uri, HttpServerRequest http) {
        List<String> targets = new ArrayList<>();
        uri.getPathParameters().values().forEach(targets::addAll);
        Object correlation = request.getProperty(CorrelationFilter.HEADER);
        context.begin(
                request.getMethod(),
                uri.getRequestUri().getRawPath(),
                http.remoteAddress() == null ? null : http.remoteAddress().host(),
                correlation != null ? correlation.toString() : request.getHeaderString(CorrelationFilter.HEADER),
                targets);
    }

    private static @Nullable String detail(@Nullable Object entity) {
        if (entity instanceof Map<?, ?> problem && problem.get("detail") != null) {
            String detail = problem.get("detail").toString();
            return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        }
        return null;
    }
}
