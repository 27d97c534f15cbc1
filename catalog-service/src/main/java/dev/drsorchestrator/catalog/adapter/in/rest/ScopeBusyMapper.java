package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.application.ScopeBusy;
import dev.drsorchestrator.kit.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Too many concurrent changes of one account and region: 503 with Retry-After, nothing changed. */
public class ScopeBusyMapper {

    @ServerExceptionMapper
    public Response busy(ScopeBusy e, UriInfo uri) {
        Response problem = Problems.response(
                503,
                "busy",
                "Too many concurrent changes",
                e.getMessage() + "; nothing was changed",
                uri.getRequestUri().getRawPath(),
                List.of(),
                Map.of());
        return Response.fromResponse(problem).header("Retry-After", "1").build();
    }
}
