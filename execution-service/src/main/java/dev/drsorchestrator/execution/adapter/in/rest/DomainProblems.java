package dev.drsorchestrator.execution.adapter.in.rest;

import dev.drsorchestrator.execution.domain.ControlRejected;
import dev.drsorchestrator.execution.domain.ExecutionNotFound;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.kit.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as RFC 9457 problems: the domain knows no HTTP, this is where it gets its status. */
class DomainProblems {

    @ServerExceptionMapper
    Response notFound(ExecutionNotFound e, UriInfo uri) {
        return Problems.response(
                new ProblemException(404, "not-found", "Execution not found", e.getMessage(), List.of(), Map.of()),
                uri.getPath());
    }

    @ServerExceptionMapper
    Response rejected(ControlRejected e, UriInfo uri) {
        return Problems.response(
                ProblemException.conflict(
                        "illegal-control",
                        "Not allowed in the current state",
                        e.getMessage(),
                        Map.of("state", e.state())),
                uri.getPath());
    }
}
