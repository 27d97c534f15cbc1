package dev.drsorchestrator.kit.auth;

import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.kit.rest.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jspecify.annotations.Nullable;

/**
 * Missing or bad credentials are a 401 problem with {@code WWW-Authenticate: Bearer} (RFC 6750), saying what was
 * wrong with the token; a verified caller without the role is a 403 problem naming the role the endpoint needs.
 * Neither ever reaches the resource, so nothing changes.
 */
public class AuthProblems {

    private static final Logger LOG = Logger.getLogger(AuthProblems.class);
    static final String REALM = "drs-orchestrator";

    private final SecurityIdentity identity;

    AuthProblems(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(
                "no-token",
                "This API needs a bearer token: send Authorization: Bearer <access token> from the identity provider"
                        + " (see docs/security.md for how to get one)",
                null,
                uri);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        String reason = reason(e);
        LOG.debugf(e, "token refused: %s", reason);
        return unauthorized("invalid-token", "The bearer token was refused: " + reason, reason, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        List<String> needed = needed(resource);
        ProblemException problem = needed.isEmpty()
                ? new ProblemException(
                        403, "forbidden", "Role required", String.valueOf(e.getMessage()), List.of(), Map.of())
                : roleRequired(needed.get(0), "This", identity.getRoles());
        return Problems.response(problem, path(uri));
    }

    /**
     * The 403 problem for a caller without {@code role}: names the role, the roles that include it and the ones the
     * token grants. {@code what} is what needs it ("This", "Starting a RECOVERY").
     */
    static ProblemException roleRequired(String role, String what, Collection<String> held) {
        List<String> granted = Roles.LADDER.stream().filter(held::contains).toList();
        return new ProblemException(
                403,
                "forbidden",
                "Role required",
                what + " needs the role '" + role + "' (or one that includes it: " + Roles.including(role)
                        + "); your token grants " + (granted.isEmpty() ? "no role" : granted)
                        + ". Ask an administrator to add you to the group.",
                List.of(),
                Map.of("requiredRole", role));
    }

    private static Response unauthorized(
            String type, String detail, @Nullable String tokenError, @Nullable UriInfo uri) {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        if (tokenError != null) {
            challenge += ", error=\"invalid_token\", error_description=\"" + tokenError.replace("\"", "'") + "\"";
        }
        return Response.fromResponse(
                        Problems.response(401, type, "Authentication required", detail, path(uri), List.of(), Map.of()))
                .header("WWW-Authenticate", challenge)
                .build();
    }

    /** What was wrong with the token, from the verifier's failure: expired, wrong issuer, bad signature, … */
    static String reason(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(' ').append(t.getMessage());
            }
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        if (text.contains("expir")) {
            return "it has expired; get a new token";
        }
        if (text.contains("iss") && text.contains("claim")) {
            return "it was issued by another issuer than this deployment's identity provider";
        }
        if (text.contains("signature") || text.contains("kid") || text.contains("key")) {
            return "its signature does not verify against the identity provider's keys";
        }
        if (e.getMessage() != null && !e.getMessage().isBlank() && e.getCause() == null) {
            return e.getMessage();
        }
        if (text.contains("parse")
                || text.contains("malformed")
                || text.contains("invalid jws")
                || text.contains("compact")) {
            return "it is not a well-formed JWT";
        }
        return "it could not be verified (malformed, wrongly signed, expired or from another issuer)";
    }

    /** The roles the matched endpoint declares, method first. */
    static List<String> needed(@Nullable ResourceInfo resource) {
        if (resource == null) {
            return List.of();
        }
        Method method = resource.getResourceMethod();
        RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (roles == null && resource.getResourceClass() != null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null ? List.of() : Arrays.asList(roles.value());
    }

    private static @Nullable String path(@Nullable UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
