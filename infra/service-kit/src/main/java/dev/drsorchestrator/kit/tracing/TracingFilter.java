package dev.drsorchestrator.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Each REST request is a span (SERVER), the child of the caller's {@code traceparent} header when it sends one: the
 * events the request writes carry it, and the answer names it ({@code traceparent} response header) so a caller can
 * find the trace of what it asked for.
 */
public class TracingFilter {

    private final Tracing tracing;

    TracingFilter(Tracing tracing) {
        this.tracing = tracing;
    }

    @ServerRequestFilter(preMatching = true)
    public void in(ContainerRequestContext request) {
        Span span = tracing.startRequest(
                request.getMethod() + " " + request.getUriInfo().getPath(),
                request.getHeaderString(Tracing.TRACEPARENT));
        request.setProperty(Tracing.REQUEST_SPAN, span);
    }

    @ServerResponseFilter
    public void out(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(Tracing.REQUEST_SPAN) instanceof Span span) {
            span.setAttribute("http.response.status_code", response.getStatus());
            if (response.getStatus() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            response.getHeaders().putSingle(Tracing.TRACEPARENT, Tracing.traceparent(span.getSpanContext()));
            Tracing.endRequest(span);
        }
    }
}
