package dev.drsorchestrator.notifier.adapter.in.rest;

import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.kit.rest.Problems;
import dev.drsorchestrator.notifier.domain.InvalidSubscription;
import dev.drsorchestrator.notifier.domain.MessagingFailed;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as RFC 9457 problems: the domain knows no HTTP, this is where it gets its status. */
class DomainProblems {

    @ServerExceptionMapper
    Response invalid(InvalidSubscription e, UriInfo uri) {
        return Problems.response(
                ProblemException.invalid(e.problems().stream()
                        .map(p -> new FieldError(p.field(), p.reason()))
                        .toList()),
                uri.getPath());
    }

    @ServerExceptionMapper
    Response unavailable(MessagingFailed e, UriInfo uri) {
        return Problems.response(
                new ProblemException(
                        503,
                        "sns-unavailable",
                        "SNS did not answer",
                        e.getMessage() + "; nothing was changed, try again",
                        List.of(),
                        Map.of()),
                uri.getPath());
    }
}
