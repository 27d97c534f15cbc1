package dev.drsorchestrator.kit.audit;

import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** Every service's audit trail: {@code GET /audit}, newest first, for administrators. */
@Path("/audit")
@Tag(name = "Audit trail")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "The audit trail: every state-changing request this service answered, accepted or refused",
            description = "Filters: actor (name or subject), target (an id the request named), outcome (ACCEPTED,"
                    + " REFUSED, FAILED, COMMITTED), from/to (ISO-8601 instants). Newest first; pass nextCursor"
                    + " as cursor for the next page.")
    public Page<AuditEntry> list(
            @QueryParam("actor") @Nullable String actor,
            @QueryParam("target") @Nullable String target,
            @QueryParam("outcome") @Nullable String outcome,
            @QueryParam("from") @Nullable String from,
            @QueryParam("to") @Nullable String to,
            @QueryParam("limit") @Nullable Integer limit,
            @QueryParam("cursor") @Nullable String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Instant since = instant("from", from, errors);
        Instant until = instant("to", to, errors);
        String wanted =
                outcome == null || outcome.isBlank() ? null : outcome.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !AuditEntry.OUTCOMES.contains(wanted)) {
            errors.add(new FieldError("outcome", "must be one of " + AuditEntry.OUTCOMES + " but was " + outcome));
        }
        if (since != null && until != null && since.isAfter(until)) {
            errors.add(new FieldError("from", "is after to (" + to + ")"));
        }
        int size = 50;
        try {
            size = Cursors.limit(limit, 50, 500);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return trail.list(
                new AuditTrail.Filter(blankToNull(actor), blankToNull(target), wanted, since, until),
                size,
                Cursors.decode(cursor));
    }

    private static @Nullable Instant instant(String field, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z; got " + value));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
