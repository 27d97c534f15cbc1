package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.kit.rest.Problems;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.PlanCannotRun;
import dev.drsorchestrator.plan.domain.PlanConflict;
import dev.drsorchestrator.plan.domain.PlanInvalid;
import dev.drsorchestrator.plan.domain.PlanNotFound;
import dev.drsorchestrator.plan.domain.ScheduleGateway;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as RFC 9457 problems: the domain knows no HTTP, this is where it gets its status. */
class DomainProblems {

    private static Response respond(UriInfo uri, ProblemException problem) {
        return Problems.response(problem, uri.getPath());
    }

    @ServerExceptionMapper
    Response invalid(PlanInvalid e, UriInfo uri) {
        return respond(
                uri,
                ProblemException.invalid(e.violations().stream()
                        .map(v -> new FieldError(v.field(), v.reason()))
                        .toList()));
    }

    @ServerExceptionMapper
    Response notFound(PlanNotFound e, UriInfo uri) {
        return respond(uri, ProblemException.notFound("Recovery plan", e.id()));
    }

    @ServerExceptionMapper
    Response conflict(PlanConflict e, UriInfo uri) {
        return respond(uri, ProblemException.conflict(e.kind(), e.title(), e.getMessage(), e.details()));
    }

    @ServerExceptionMapper
    Response cannotRun(PlanCannotRun e, UriInfo uri) {
        return respond(
                uri,
                ProblemException.conflict(
                        "plan-cannot-run",
                        "The plan cannot run as it stands",
                        String.join("; ", e.reasons()) + ". GET /recovery-plans/{id}/preflight shows every problem.",
                        Map.of("reasons", e.reasons())));
    }

    @ServerExceptionMapper
    Response schedulerUnavailable(ScheduleGateway.Unavailable e, UriInfo uri) {
        return respond(
                uri,
                new ProblemException(
                        503,
                        "scheduler-unavailable",
                        "Drill schedules cannot be set",
                        e.getMessage(),
                        List.of(),
                        Map.of()));
    }

    @ServerExceptionMapper
    Response alreadyRequested(ExecutionLog.AlreadyRequested e, UriInfo uri) {
        return respond(
                uri,
                ProblemException.conflict(
                        "already-requested", "This request was already made", e.getMessage(), Map.of()));
    }
}
