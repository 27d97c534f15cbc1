package dev.drsorchestrator.kit.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One state-changing request, accepted or refused.
 *
 * @param id unique per request
 * @param at when the request arrived
 * @param service the service that answered
 * @param actorId the token's subject; absent when the caller was not authenticated
 * @param actor readable: the username (or e-mail, or {@code client:<id>}), {@code anonymous} without a valid token
 * @param roles the roles the caller held
 * @param clientIp the caller's address (the first proxy's view when behind the entry point)
 * @param method the HTTP method
 * @param path the request path
 * @param targets the ids the request named (path parameters, and the id of what a create made)
 * @param status the HTTP status answered; 0 while only the change's transaction has recorded it
 * @param outcome {@code ACCEPTED} (2xx/3xx), {@code REFUSED} (4xx), {@code FAILED} (5xx); {@code COMMITTED} while only
 *     the transaction has recorded it
 * @param correlationId the request's correlation id (also in the logs)
 * @param detail why it was refused or failed (the problem's detail), when it was
 */
public record AuditEntry(
        String id,
        Instant at,
        String service,
        @Nullable String actorId,
        String actor,
        List<String> roles,
        @Nullable String clientIp,
        String method,
        String path,
        List<String> targets,
        int status,
        String outcome,
        @Nullable String correlationId,
        @Nullable String detail) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";
    public static final String FAILED = "FAILED";
    public static final String COMMITTED = "COMMITTED";
    public static final List<String> OUTCOMES = List.of(ACCEPTED, REFUSED, FAILED, COMMITTED);

    public AuditEntry {
        roles = List.copyOf(roles);
        targets = List.copyOf(targets);
    }

    public static String outcomeOf(int status) {
        if (status >= 500) {
            return FAILED;
        }
        return status >= 400 ? REFUSED : ACCEPTED;
    }

    public AuditEntry answered(int answeredStatus, @Nullable String why, List<String> moreTargets) {
        List<String> all = new java.util.ArrayList<>(targets);
        moreTargets.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return new AuditEntry(
                id,
                at,
                service,
                actorId,
                actor,
                roles,
                clientIp,
                method,
                path,
                all,
                answeredStatus,
                outcomeOf(answeredStatus),
                correlationId,
                why);
    }
}
