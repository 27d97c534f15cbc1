package dev.drsorchestrator.kit.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller of the current request. Resources use it for the actor they record (events, timelines,
 * reports), never a header. Only endpoints that declare a role reach it, so there is always a verified token.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor actor() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new io.quarkus.security.UnauthorizedException("no verified token");
        }
        return TokenRoles.actor(token, identity.getRoles());
    }

    /** The readable name recorded as the actor. */
    public String name() {
        return actor().name();
    }

    /** The token's subject. */
    public String id() {
        return actor().id();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /**
     * For a permission that depends on what is asked, not only on the endpoint (a RECOVERY needs more than a DRILL):
     * a 403 problem naming the role and why, unless the caller has it.
     */
    public void require(String role, String why) {
        if (!has(role)) {
            throw AuthProblems.roleRequired(role, why, identity.getRoles());
        }
    }
}
