package dev.drsorchestrator.devstack.cognito;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One Cognito user pool: users, groups, app clients, resource servers, and the tokens it issues (RS256 JWTs with
 * Cognito's claims, signed by the pool's {@link SigningKeys}). Its issuer is {@code http://<host>:<port>/<id>}, the
 * way Cognito's is {@code https://cognito-idp.<region>.amazonaws.com/<id>}; the OIDC discovery document, the JWKS and
 * the OAuth2 endpoints live under it on devstack's edge port.
 *
 * <p>The Java methods are for tests: {@link #putUser}, {@link #accessToken(String)} and friends mint what a sign-in
 * would, without HTTP.
 */
public final class UserPool {
    public static final Duration DEFAULT_ACCESS_TOKEN_VALIDITY = Duration.ofHours(1);
    public static final Duration DEFAULT_ID_TOKEN_VALIDITY = Duration.ofHours(1);
    public static final Duration DEFAULT_REFRESH_TOKEN_VALIDITY = Duration.ofDays(30);
    /** How long an authorization code can be redeemed (once). */
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
    /** How long a NEW_PASSWORD_REQUIRED session can be answered. */
    static final Duration SESSION_VALIDITY = Duration.ofMinutes(3);
    /** The scope of a user's access token after a sign-in through the console (the {@code drs-console} client). */
    public static final String USER_SCOPES = "openid email profile aws.cognito.signin.user.admin";
    /** The scope of a user's access token after InitiateAuth (Cognito's). */
    static final String API_SIGN_IN_SCOPE = "aws.cognito.signin.user.admin";
    /** The OAuth scopes every pool knows besides its resource servers'. */
    static final Set<String> STANDARD_SCOPES =
            Set.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin");

    static final String CONFIRMED = "CONFIRMED";
    static final String FORCE_CHANGE_PASSWORD = "FORCE_CHANGE_PASSWORD";

    /** A user of the pool. Guarded by the pool's lock. */
    static final class PoolUser {
        final String username;
        final String sub;
        volatile String password;
        final Map<String, String> attributes = new LinkedHashMap<>();
        volatile boolean enabled = true;
        volatile String status;
        final Set<String> groups = new TreeSet<>();
        final Instant created;
        Instant modified;

        PoolUser(String username, String password, String status, Instant now) {
            this.username = username;
            this.sub = UUID.randomUUID().toString();
            this.password = password;
            this.status = status;
            this.created = now;
            this.modified = now;
            attributes.put("sub", sub);
        }

        @Nullable
        String email() {
            return attributes.get("email");
        }
    }

    record Group(
            String name,
            @Nullable String description,
            @Nullable Integer precedence,
            Instant created) {}

    record ResourceServer(String identifier, String name, Map<String, String> scopes) {}

    /** What a sign-in hands out; {@code refreshToken} is null when none is issued. */
    record Tokens(
            String accessToken,
            @Nullable String idToken,
            @Nullable String refreshToken,
            long expiresIn) {}

    private record RefreshGrant(
            String username, String clientId, String scope, Instant authTime, String originJti, Instant expires) {}

    record CodeGrant(
            String clientId,
            String redirectUri,
            String username,
            String scope,
            @Nullable String codeChallenge,
            @Nullable String nonce,
            Instant authTime,
            Instant expires) {}

    private record Session(String username, String clientId, Instant expires) {}

    private final String id;
    private final String name;
    private final String arn;
    private final URI issuer;
    private final Clock clock;
    private final Instant created;
    private final SigningKeys keys = new SigningKeys();
    private final Map<String, PoolUser> users = new TreeMap<>();
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, AppClient> clients = new LinkedHashMap<>();
    private final Map<String, ResourceServer> resourceServers = new TreeMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile int minimumPasswordLength = 8;
    private volatile Duration accessTokenValidity = DEFAULT_ACCESS_TOKEN_VALIDITY;
    private volatile Duration idTokenValidity = DEFAULT_ID_TOKEN_VALIDITY;
    private volatile Duration refreshTokenValidity = DEFAULT_REFRESH_TOKEN_VALIDITY;

    UserPool(String id, String name, String account, String region, URI edge, Clock clock) {
        this.id = id;
        this.name = name;
        this.arn = "arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + id;
        this.issuer = URI.create(edge.toString().replaceAll("/$", "") + "/" + id);
        this.clock = clock;
        this.created = clock.instant();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** {@code http://<host>:<port>/<poolId>}: the {@code iss} of its tokens. */
    public URI issuer() {
        return issuer;
    }

    public URI jwksUri() {
        return URI.create(issuer + "/.well-known/jwks.json");
    }

    public URI openIdConfigurationUri() {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }

    public URI tokenEndpoint() {
        return URI.create(issuer + "/oauth2/token");
    }

    public URI authorizationEndpoint() {
        return URI.create(issuer + "/oauth2/authorize");
    }

    public URI userInfoEndpoint() {
        return URI.create(issuer + "/oauth2/userInfo");
    }

    Instant created() {
        return created;
    }

    // ---------------------------------------------------------------- configuration

    public Duration accessTokenValidity() {
        return accessTokenValidity;
    }

    /** How long access tokens issued from now on are valid (default 1 hour, Cognito's). */
    public void accessTokenValidity(Duration validity) {
        this.accessTokenValidity = positive(validity);
    }

    public Duration idTokenValidity() {
        return idTokenValidity;
    }

    public void idTokenValidity(Duration validity) {
        this.idTokenValidity = positive(validity);
    }

    public Duration refreshTokenValidity() {
        return refreshTokenValidity;
    }

    public void refreshTokenValidity(Duration validity) {
        this.refreshTokenValidity = positive(validity);
    }

    int minimumPasswordLength() {
        return minimumPasswordLength;
    }

    void minimumPasswordLength(int length) {
        this.minimumPasswordLength = length;
    }

    private static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a token validity must be positive, got " + d);
        }
        return d;
    }

    // ---------------------------------------------------------------- Java API for tests

    /**
     * Creates the user or resets it: this password (permanent, so CONFIRMED and enabled), this email (verified), and
     * exactly these groups, which must exist. Its {@code sub} stays what it was.
     */
    public synchronized void putUser(
            String username, String password, @Nullable String email, Collection<String> groupNames) {
        for (String g : groupNames) {
            if (!groups.containsKey(g)) {
                throw new IllegalArgumentException(
                        "user pool " + id + " has no group '" + g + "'; its groups: " + groups.keySet());
            }
        }
        Instant now = clock.instant();
        PoolUser user = users.get(username);
        if (user == null) {
            user = new PoolUser(username, password, CONFIRMED, now);
            users.put(username, user);
        }
        user.password = password;
        user.status = CONFIRMED;
        user.enabled = true;
        user.modified = now;
        if (email == null) {
            user.attributes.remove("email");
            user.attributes.remove("email_verified");
        } else {
            user.attributes.put("email", email);
            user.attributes.put("email_verified", "true");
        }
        user.groups.clear();
        user.groups.addAll(groupNames);
    }

    /** The user's {@code sub}, a UUID fixed when the user was created. */
    public synchronized String subjectOf(String username) {
        return existingUser(username).sub;
    }

    /** An access token as if the user had just signed in through {@code drs-console}. */
    public String accessToken(String username) {
        Instant now = clock.instant();
        return accessToken(username, now, accessTokenValidity);
    }

    /** An access token issued at {@code issuedAt} and valid for {@code validity}: expired ones for tests. */
    public synchronized String accessToken(String username, Instant issuedAt, Duration validity) {
        PoolUser user = existingUser(username);
        return keys.sign(TokenClaims.access(
                issuer.toString(),
                user,
                DefaultUserPool.CONSOLE_CLIENT_ID,
                USER_SCOPES,
                TokenClaims.Issue.signIn(issuedAt, validity)));
    }

    /** An ID token as if the user had just signed in through {@code drs-console}. */
    public synchronized String idToken(String username) {
        PoolUser user = existingUser(username);
        return keys.sign(TokenClaims.id(
                issuer.toString(),
                user,
                DefaultUserPool.CONSOLE_CLIENT_ID,
                TokenClaims.Issue.signIn(clock.instant(), idTokenValidity),
                null));
    }

    /**
     * What {@code grant_type=client_credentials} would give the client (which must exist, allow the flow and these
     * scopes); no scopes means all it is allowed.
     */
    public String clientCredentialsToken(String clientId, Collection<String> scopes) {
        AppClient client = client(clientId);
        if (client == null) {
            throw new IllegalArgumentException("user pool " + id + " has no app client " + clientId);
        }
        try {
            return clientCredentials(client, scopes.isEmpty() ? null : String.join(" ", scopes))
                    .accessToken();
        } catch (OAuthError e) {
            throw new IllegalArgumentException(e.error() + ": " + e.getMessage(), e);
        }
    }

    /** A new signing key; tokens signed with the previous ones still verify against the JWKS. */
    public void rotateKeys() {
        keys.rotate();
    }

    /** The key id new tokens carry. */
    public String currentKeyId() {
        return keys.current().getKeyID();
    }

    /** The public keys, current first. */
    public JWKSet jwks() {
        return keys.publicJwks();
    }

    private PoolUser existingUser(String username) {
        PoolUser user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("user pool " + id + " has no user '" + username + "'");
        }
        return user;
    }

    // ---------------------------------------------------------------- state, for the APIs

    synchronized @Nullable PoolUser user(String username) {
        return users.get(username);
    }

    synchronized List<PoolUser> users() {
        return new ArrayList<>(users.values());
    }

    synchronized PoolUser addUser(String username, String password, String status) {
        PoolUser user = new PoolUser(username, password, status, clock.instant());
        users.put(username, user);
        return user;
    }

    synchronized void removeUser(String username) {
        users.remove(username);
    }

    synchronized @Nullable Group group(String name) {
        return groups.get(name);
    }

    synchronized List<Group> groups() {
        return new ArrayList<>(groups.values());
    }

    synchronized void addGroup(Group group) {
        groups.put(group.name(), group);
    }

    synchronized @Nullable AppClient client(String clientId) {
        return clients.get(clientId);
    }

    synchronized List<AppClient> clients() {
        return new ArrayList<>(clients.values());
    }

    synchronized void addClient(AppClient client) {
        clients.put(client.id(), client);
    }

    synchronized @Nullable ResourceServer resourceServer(String identifier) {
        return resourceServers.get(identifier);
    }

    synchronized void addResourceServer(ResourceServer server) {
        resourceServers.put(server.identifier(), server);
    }

    /** Every scope a client of this pool may be allowed: the standard ones and {@code <server>/<scope>}. */
    synchronized Set<String> knownScopes() {
        Set<String> out = new LinkedHashSet<>(STANDARD_SCOPES);
        resourceServers.values().forEach(rs -> rs.scopes().keySet().forEach(s -> out.add(rs.identifier() + "/" + s)));
        return out;
    }

    /** Back to an empty pool with the default validities; the signing keys stay (verifiers keep their JWKS). */
    synchronized void clear() {
        users.clear();
        groups.clear();
        clients.clear();
        resourceServers.clear();
        refreshTokens.clear();
        codes.clear();
        sessions.clear();
        minimumPasswordLength = 8;
        accessTokenValidity = DEFAULT_ACCESS_TOKEN_VALIDITY;
        idTokenValidity = DEFAULT_ID_TOKEN_VALIDITY;
        refreshTokenValidity = DEFAULT_REFRESH_TOKEN_VALIDITY;
    }

    Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- sign-in and tokens

    /** The user if the password is right, else null; whether it is enabled is for the caller to check. */
    synchronized @Nullable PoolUser authenticate(String username, String password) {
        PoolUser user = users.get(username);
        if (user == null || !Secrets.same(user.password, password)) {
            return null;
        }
        return user;
    }

    /** Tokens for a user who just signed in through {@code client}; with a refresh token when asked. */
    synchronized Tokens signIn(
            PoolUser user, AppClient client, String scope, @Nullable String nonce, boolean withRefresh) {
        Instant now = clock.instant();
        TokenClaims.Issue issue = TokenClaims.Issue.signIn(now, accessTokenValidity);
        String access = keys.sign(TokenClaims.access(issuer.toString(), user, client.id(), scope, issue));
        String idToken =
                keys.sign(TokenClaims.id(issuer.toString(), user, client.id(), issue.validFor(idTokenValidity), nonce));
        String refresh = null;
        if (withRefresh) {
            refresh = Secrets.randomToken(96);
            refreshTokens.put(
                    refresh,
                    new RefreshGrant(
                            user.username, client.id(), scope, now, issue.originJti(), now.plus(refreshTokenValidity)));
        }
        return new Tokens(access, idToken, refresh, accessTokenValidity.toSeconds());
    }

    /** New access and ID tokens for a refresh token issued to {@code client}, or null when it is not valid. */
    synchronized @Nullable Tokens refresh(String refreshToken, AppClient client) {
        RefreshGrant grant = refreshTokens.get(refreshToken);
        Instant now = clock.instant();
        if (grant == null || !grant.clientId().equals(client.id()) || !now.isBefore(grant.expires())) {
            return null;
        }
        PoolUser user = users.get(grant.username());
        if (user == null || !user.enabled) {
            return null;
        }
        TokenClaims.Issue issue = new TokenClaims.Issue(
                grant.authTime(),
                now,
                accessTokenValidity,
                grant.originJti(),
                UUID.randomUUID().toString());
        String access = keys.sign(TokenClaims.access(issuer.toString(), user, client.id(), grant.scope(), issue));
        String idToken =
                keys.sign(TokenClaims.id(issuer.toString(), user, client.id(), issue.validFor(idTokenValidity), null));
        return new Tokens(access, idToken, null, accessTokenValidity.toSeconds());
    }

    /** The client-credentials grant: the requested scopes (all allowed ones when null) or {@code invalid_scope}. */
    Tokens clientCredentials(AppClient client, @Nullable String requestedScope) {
        if (!client.oauthFlows().contains("client_credentials")) {
            throw new OAuthError(
                    "unauthorized_client", "Client " + client.id() + " is not allowed the client_credentials flow.");
        }
        if (client.secret() == null) {
            throw new OAuthError(
                    "invalid_client", "Client " + client.id() + " has no secret; client_credentials needs one.");
        }
        String scope = grantedScope(client, requestedScope, false);
        JWTClaimsSet claims = TokenClaims.clientCredentials(
                issuer.toString(), client.id(), scope, clock.instant(), accessTokenValidity);
        return new Tokens(keys.sign(claims), null, null, accessTokenValidity.toSeconds());
    }

    /**
     * The scopes granted for a request: each requested one must be allowed to the client ({@code invalid_scope}
     * otherwise); none requested means all allowed ones. For a user's sign-in only user scopes and resource-server
     * scopes count; for client credentials only resource-server scopes.
     */
    String grantedScope(AppClient client, @Nullable String requested, boolean forUser) {
        List<String> allowed = client.scopes().stream()
                .filter(s -> forUser || !STANDARD_SCOPES.contains(s))
                .toList();
        if (requested == null || requested.isBlank()) {
            if (allowed.isEmpty()) {
                throw new OAuthError("invalid_scope", "Client " + client.id() + " is allowed no scopes.");
            }
            return String.join(" ", allowed);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : requested.trim().split("\\s+")) {
            if (!allowed.contains(s)) {
                throw new OAuthError("invalid_scope", "Scope " + s + " is not allowed to client " + client.id() + ".");
            }
            out.add(s);
        }
        return String.join(" ", out);
    }

    String issueCode(
            AppClient client,
            PoolUser user,
            String redirectUri,
            String scope,
            @Nullable String codeChallenge,
            @Nullable String nonce) {
        String code = UUID.randomUUID().toString();
        Instant now = clock.instant();
        codes.put(
                code,
                new CodeGrant(
                        client.id(),
                        redirectUri,
                        user.username,
                        scope,
                        codeChallenge,
                        nonce,
                        now,
                        now.plus(CODE_VALIDITY)));
        return code;
    }

    /** The code's grant, removed (a code is good once), or null when unknown or expired. */
    @Nullable
    CodeGrant redeemCode(String code) {
        CodeGrant grant = codes.remove(code);
        return grant == null || !clock.instant().isBefore(grant.expires()) ? null : grant;
    }

    String startSession(PoolUser user, AppClient client) {
        String session = Secrets.randomToken(48);
        sessions.put(
                session, new Session(user.username, client.id(), clock.instant().plus(SESSION_VALIDITY)));
        return session;
    }

    /** The user a NEW_PASSWORD_REQUIRED session belongs to, or null when the session is not valid for the client. */
    synchronized @Nullable PoolUser endSession(String session, String username, AppClient client) {
        Session s = sessions.get(session);
        if (s == null
                || !s.username().equals(username)
                || !s.clientId().equals(client.id())
                || !clock.instant().isBefore(s.expires())) {
            return null;
        }
        sessions.remove(session);
        return users.get(username);
    }

    /** The claims of an access token this pool issued that is still valid, or null. */
    @Nullable
    JWTClaimsSet verifyAccessToken(String token) {
        JWTClaimsSet claims = keys.verify(token);
        if (claims == null
                || !issuer.toString().equals(claims.getIssuer())
                || !"access".equals(claims.getClaim("token_use"))
                || claims.getExpirationTime() == null
                || !clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
            return null;
        }
        return claims;
    }
}
