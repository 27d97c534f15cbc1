package dev.drsorchestrator.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a client can cause becomes {@code application/problem+json} naming the field and the reason: refused
 * requests, Bean Validation failures, JSON that does not parse or does not fit, unknown fields, unknown paths. An
 * unexpected failure is a 500 problem with a reference to the log line, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e, instance(uri));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Problems.response(ProblemException.invalid(errors), instance(uri));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return Problems.response(jsonProblem(e), instance(uri));
    }

    /** Quarkus REST has its own mapper for this one; ours is more specific, so it wins. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return Problems.response(jsonProblem(e), instance(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail =
                status == 404 ? "No resource at this path; see /q/openapi for the API" : String.valueOf(e.getMessage());
        return Problems.response(status, "http-" + status, title, detail, instance(uri), List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return Problems.response(
                500,
                "internal",
                "Internal error",
                "The service failed unexpectedly; nothing you sent was wrong. Retry; if it persists, give the operators"
                        + " this reference: " + reference,
                instance(uri),
                List.of(),
                Map.of("reference", reference));
    }

    static ProblemException jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = Problems.path(u);
            String field = parent.endsWith(u.getPropertyName())
                    ? parent
                    : (parent.isEmpty() ? "" : parent + ".") + u.getPropertyName();
            return ProblemException.invalid(
                    field, "unknown field '" + u.getPropertyName() + "'; known fields are " + u.getKnownPropertyIds());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return ProblemException.invalid(
                    Problems.path(v), String.valueOf(v.getCause().getMessage()));
        }
        if (e instanceof InvalidFormatException f) {
            return ProblemException.invalid(
                    Problems.path(f),
                    "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName());
        }
        if (e instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "value" : describe(m.getTargetType());
            return ProblemException.invalid(Problems.path(m), "expected " + expected);
        }
        if (e instanceof JsonMappingException m) {
            return ProblemException.invalid(Problems.path(m), firstLine(m.getOriginalMessage()));
        }
        return ProblemException.invalid(
                "body",
                "not valid JSON: " + firstLine(e.getOriginalMessage())
                        + (e.getLocation() == null
                                ? ""
                                : " (line " + e.getLocation().getLineNr() + ", column "
                                        + e.getLocation().getColumnNr() + ")"));
    }

    private static String describe(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a JSON object (" + type.getSimpleName() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int lineBreak = message.indexOf('\n');
        return lineBreak < 0 ? message : message.substring(0, lineBreak);
    }

    /** The request field a violation is about: the bean path without the method and parameter. */
    static String field(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('.').append(node.getKey());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : String.valueOf(parameter);
    }

    private static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
