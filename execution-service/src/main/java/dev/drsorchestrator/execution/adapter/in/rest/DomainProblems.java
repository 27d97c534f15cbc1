package dev.drsorchestrator.execution.adapter.in.rest;

import dev.drsorchestrator.execution.application.ExecutionWatch;
import dev.drsorchestrator.execution.domain.ApprovalRefused;
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

    /**
     * The two-person rule: 403 when the requester approves their own execution (someone else must), 409 when an
     * approver approves again (the next approval must come from someone else).
     */
    @ServerExceptionMapper
    Response refused(ApprovalRefused e, UriInfo uri) {
        Map<String, Object> extensions = Map.of(
                "requestedBy", e.requestedBy(),
                "approvals", e.approvals(),
                "requiredApprovals", e.requiredApprovals());
        ProblemException problem = e.rule() == ApprovalRefused.Rule.REQUESTER
                ? new ProblemException(
                        403,
                        "two-person-rule",
                        "The requester cannot approve their own execution",
                        e.getMessage(),
                        List.of(),
                        extensions)
                : ProblemException.conflict(
                        "already-approved", "This approver already approved", e.getMessage(), extensions);
        return Problems.response(problem, uri.getPath());
    }

    /** Every stream this instance keeps is open: 503 with Retry-After, a problem like any other. */
    @ServerExceptionMapper
    Response tooManyStreams(ExecutionWatch.TooManyStreams e, UriInfo uri) {
        return Response.fromResponse(Problems.response(
                        new ProblemException(
                                503,
                                "too-many-streams",
                                "Too many open streams",
                                e.getMessage(),
                                List.of(),
                                Map.of("openStreams", e.open())),
                        uri.getPath()))
                .header("Retry-After", Long.toString(e.retryAfter().toSeconds()))
                .build();
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
