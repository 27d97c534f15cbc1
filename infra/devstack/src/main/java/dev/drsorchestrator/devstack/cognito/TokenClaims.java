package dev.drsorchestrator.devstack.cognito;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What each token a user pool issues says, in Cognito's claim shapes: a user's access token, a user's ID token, a
 * machine client's access token. Signing is the pool's ({@link SigningKeys}).
 */
final class TokenClaims {

    /**
     * When and in which sign-in a token is issued.
     *
     * @param originJti shared by every token of one sign-in (kept across refreshes)
     * @param eventId shared by the tokens of one issue
     */
    record Issue(Instant authTime, Instant issuedAt, Duration validity, String originJti, String eventId) {

        /** A sign-in now. */
        static Issue signIn(Instant now, Duration validity) {
            return new Issue(
                    now,
                    now,
                    validity,
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString());
        }

        Issue validFor(Duration other) {
            return new Issue(authTime, issuedAt, other, originJti, eventId);
        }
    }

    private TokenClaims() {}

    static JWTClaimsSet access(String issuer, UserPool.PoolUser user, String clientId, String scope, Issue issue) {
        return user(issuer, "access", user, issue)
                .claim("client_id", clientId)
                .claim("scope", scope)
                .claim("username", user.username)
                .build();
    }

    static JWTClaimsSet id(
            String issuer, UserPool.PoolUser user, String clientId, Issue issue, @Nullable String nonce) {
        JWTClaimsSet.Builder b =
                user(issuer, "id", user, issue).audience(clientId).claim("cognito:username", user.username);
        if (user.email() != null) {
            b.claim("email", user.email())
                    .claim("email_verified", "true".equals(user.attributes.get("email_verified")));
        }
        if (nonce != null) {
            b.claim("nonce", nonce);
        }
        return b.build();
    }

    /** A client-credentials access token: the client is its subject; no user, no groups, no sign-in. */
    static JWTClaimsSet clientCredentials(
            String issuer, String clientId, String scope, Instant now, Duration validity) {
        return common(issuer, "access", now, now, validity)
                .subject(clientId)
                .claim("client_id", clientId)
                .claim("scope", scope)
                .build();
    }

    private static JWTClaimsSet.Builder user(String issuer, String use, UserPool.PoolUser user, Issue issue) {
        JWTClaimsSet.Builder b = common(issuer, use, issue.authTime(), issue.issuedAt(), issue.validity())
                .subject(user.sub)
                .claim("origin_jti", issue.originJti())
                .claim("event_id", issue.eventId());
        if (!user.groups.isEmpty()) {
            b.claim("cognito:groups", new ArrayList<>(user.groups));
        }
        return b;
    }

    private static JWTClaimsSet.Builder common(
            String issuer, String use, Instant authTime, Instant issuedAt, Duration validity) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .claim("token_use", use)
                .claim("version", 2)
                .claim("auth_time", authTime.getEpochSecond())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .jwtID(UUID.randomUUID().toString());
    }
}
