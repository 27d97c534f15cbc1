package dev.drsorchestrator.kit.auth;

import dev.drsorchestrator.kit.config.KitConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jspecify.annotations.Nullable;

/**
 * After smallrye-jwt verified a token's signature, issuer and expiry: checks that it is an access or id token issued
 * to one of our app clients, and gives the caller their roles, from the groups claim (people) and from scopes
 * {@code <prefix><role>} (machine clients), each with the roles it includes. The roles smallrye-jwt found are
 * replaced: only these two sources count.
 */
@ApplicationScoped
public class TokenRoles implements SecurityIdentityAugmentor {

    private final KitConfig.Auth config;

    TokenRoles(KitConfig config) {
        this.config = config.auth();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        try {
            QuarkusSecurityIdentity.Builder roles = QuarkusSecurityIdentity.builder()
                    .setPrincipal(token)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addRoles(roles(token));
            return Uni.createFrom().item(roles.build());
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
    }

    Set<String> roles(JsonWebToken token) {
        String use = text(token.getClaim("token_use"));
        String client;
        if ("access".equals(use)) {
            client = text(token.getClaim("client_id"));
        } else if ("id".equals(use)) {
            Set<String> audience = token.getAudience();
            client = audience == null || audience.size() != 1
                    ? null
                    : audience.iterator().next();
        } else {
            throw new AuthenticationFailedException(
                    "the token is neither an access token nor an id token (token_use is " + use + ")");
        }
        if (client == null || !config.clientIds().contains(client)) {
            throw new AuthenticationFailedException("the token was issued to app client " + client
                    + ", which may not call this API (accepted: " + config.clientIds() + ")");
        }
        List<String> granted = new ArrayList<>(strings(token.getClaim(config.groupsClaim())));
        String scope = text(token.getClaim("scope"));
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (s.startsWith(config.scopePrefix())) {
                    granted.add(s.substring(config.scopePrefix().length()));
                }
            }
        }
        return Roles.implied(granted);
    }

    /** The readable identity of a verified token. */
    static Actor actor(JsonWebToken token, Set<String> roles) {
        String username = firstText(token.getClaim("username"), token.getClaim("cognito:username"));
        String email = text(token.getClaim("email"));
        String client = text(token.getClaim("client_id"));
        String name;
        if (username != null) {
            name = username;
        } else if (email != null) {
            name = email;
        } else {
            name = Actor.MACHINE_PREFIX + (client != null ? client : token.getSubject());
        }
        List<String> ordered = Roles.LADDER.stream().filter(roles::contains).toList();
        return new Actor(token.getSubject(), name, email, ordered, client);
    }

    private static @Nullable String firstText(Object... claims) {
        for (Object claim : claims) {
            String text = text(claim);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    static @Nullable String text(@Nullable Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim.toString();
    }

    static List<String> strings(@Nullable Object claim) {
        if (claim == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            for (Object v : values) {
                out.add(v instanceof JsonValue j ? text(j) : String.valueOf(v));
            }
        } else {
            out.add(text(claim));
        }
        return out;
    }
}
