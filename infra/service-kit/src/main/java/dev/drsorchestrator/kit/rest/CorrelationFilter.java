package dev.drsorchestrator.kit.rest;

import dev.drsorchestrator.kit.events.InboxChannel;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request's logs carry a correlation id: the caller's {@code X-Correlation-Id}, or a new one, echoed in the
 * response. Services replace it with the plan or execution id once they know it.
 */
public class CorrelationFilter {

    public static final String HEADER = "X-Correlation-Id";

    /** Pre-matching: it runs before the security checks, so a refused request has its correlation id too. */
    @ServerRequestFilter(preMatching = true)
    public void in(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || id.isBlank() || id.length() > 128) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(HEADER, id);
        MDC.put(InboxChannel.MDC_CORRELATION_ID, id);
    }

    @ServerResponseFilter
    public void out(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove(InboxChannel.MDC_CORRELATION_ID);
    }
}
