package dev.drsorchestrator.kit.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the service refuses, answered as RFC 9457 {@code application/problem+json}: a status, a stable
 * {@code type}, a title, a detail that says what went wrong and what to do, the fields at fault and any extra members
 * (for example which servers another group holds).
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    /** 400: the request's fields are invalid. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid; see errors";
        return new ProblemException(400, "validation", "The request is invalid", detail, errors, Map.of());
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(
                404,
                "not-found",
                what + " not found",
                "There is no " + what.toLowerCase(java.util.Locale.ROOT) + " with id '" + id
                        + "'; list them to find the id you meant",
                List.of(),
                Map.of());
    }

    /** 409: the request is valid but conflicts with the current state (named in {@code detail}). */
    public static ProblemException conflict(String type, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, type, title, detail, List.of(), extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
