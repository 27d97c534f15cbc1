package dev.drsorchestrator.devstack.cognito;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A user pool's OIDC and OAuth 2.0 endpoints on the edge port, under its issuer {@code /<poolId>}: the discovery
 * document, the JWKS, {@code oauth2/token} (client credentials, refresh token, authorization code with PKCE),
 * {@code oauth2/authorize} (a plain HTML login page) and {@code oauth2/userInfo}. Cognito serves the first two under
 * {@code cognito-idp.<region>.amazonaws.com/<poolId>} and the rest on the pool's domain; here they share one base.
 */
public final class OAuthEndpoints {
    private static final Pattern PATH = Pattern.compile("/([a-z]{2}(?:-[a-z]+)+-\\d_[0-9A-Za-z]+)/"
            + "(\\.well-known/openid-configuration|\\.well-known/jwks\\.json|oauth2/token|oauth2/authorize"
            + "|oauth2/userInfo)");
    private static final String FORM_FIELDS_HIDDEN =
            "response_type client_id redirect_uri state scope code_challenge" + " code_challenge_method nonce";

    /** The endpoints a browser on another origin may read. */
    private static final Set<String> CORS_ENDPOINTS =
            Set.of(".well-known/openid-configuration", ".well-known/jwks.json", "oauth2/token");

    private final UserPools pools;

    public OAuthEndpoints(UserPools pools) {
        this.pools = pools;
    }

    /** Whether the request is for one of these endpoints (any pool id, known or not). */
    public boolean matches(AwsRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    /**
     * Answers one request. What a console in the browser on another origin needs, as at Cognito, also answers CORS:
     * the discovery document, the keys and the token endpoint (where it exchanges its code, with no secret and no
     * cookie; a preflight is answered at once). The login page and userInfo do not: another site's script may not
     * read them.
     */
    public HttpResult handle(AwsRequest request) {
        Matcher m = PATH.matcher(request.path());
        boolean cors = m.matches() && CORS_ENDPOINTS.contains(m.group(2));
        if (cors && request.method().equals("OPTIONS")) {
            return HttpResult.text(204, "text/plain", "")
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .header("Access-Control-Allow-Headers", "Content-Type")
                    .header("Access-Control-Max-Age", "600");
        }
        HttpResult result = respond(request);
        return cors ? result.header("Access-Control-Allow-Origin", "*") : result;
    }

    private HttpResult respond(AwsRequest request) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return oauthError(new OAuthError("invalid_request", "not an identity provider endpoint"));
        }
        UserPool pool = pools.find(m.group(1));
        if (pool == null) {
            return HttpResult.json(
                    404,
                    Json.object()
                            .put("error", "not_found")
                            .put("error_description", "User pool " + m.group(1) + " does not exist."),
                    "application/json");
        }
        String method = request.method();
        return switch (m.group(2)) {
            case ".well-known/openid-configuration" ->
                method.equals("GET") ? openIdConfiguration(pool) : notAllowed("GET");
            case ".well-known/jwks.json" ->
                method.equals("GET")
                        ? HttpResult.text(200, "application/json", pool.jwks().toString())
                        : notAllowed("GET");
            case "oauth2/token" -> method.equals("POST") ? token(pool, request) : notAllowed("POST");
            case "oauth2/authorize" ->
                switch (method) {
                    case "GET" -> authorize(pool, request.query(), false);
                    case "POST" -> authorize(pool, AwsRequest.decodeForm(request.bodyText()), true);
                    default -> notAllowed("GET, POST");
                };
            default -> method.equals("GET") || method.equals("POST") ? userInfo(pool, request) : notAllowed("GET");
        };
    }

    private static HttpResult notAllowed(String allowed) {
        return HttpResult.text(405, "text/plain", "method not allowed; use " + allowed)
                .header("Allow", allowed);
    }

    private static HttpResult openIdConfiguration(UserPool pool) {
        ObjectNode doc = Json.object()
                .put("issuer", pool.issuer().toString())
                .put("authorization_endpoint", pool.authorizationEndpoint().toString())
                .put("token_endpoint", pool.tokenEndpoint().toString())
                .put("userinfo_endpoint", pool.userInfoEndpoint().toString())
                .put("jwks_uri", pool.jwksUri().toString());
        doc.putArray("response_types_supported").add("code");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        ArrayNode scopes = doc.putArray("scopes_supported");
        pool.knownScopes().forEach(scopes::add);
        doc.putArray("token_endpoint_auth_methods_supported")
                .add("client_secret_basic")
                .add("client_secret_post");
        doc.putArray("grant_types_supported")
                .add("authorization_code")
                .add("refresh_token")
                .add("client_credentials");
        doc.putArray("code_challenge_methods_supported").add("S256");
        return HttpResult.json(doc);
    }

    // ---------------------------------------------------------------- token

    private HttpResult token(UserPool pool, AwsRequest request) {
        try {
            Map<String, String> form = AwsRequest.decodeForm(request.bodyText());
            String grantType = form.get("grant_type");
            if (grantType == null || grantType.isBlank()) {
                throw new OAuthError("invalid_request", "grant_type is required.");
            }
            AppClient client = authenticateClient(pool, request, form);
            UserPool.Tokens tokens =
                    switch (grantType) {
                        case "client_credentials" -> pool.clientCredentials(client, form.get("scope"));
                        case "refresh_token" -> {
                            String refresh = required(form, "refresh_token");
                            UserPool.Tokens t = pool.refresh(refresh, client);
                            if (t == null) {
                                throw new OAuthError("invalid_grant", "Refresh token is invalid or expired.");
                            }
                            yield t;
                        }
                        case "authorization_code" -> authorizationCode(pool, client, form);
                        default ->
                            throw new OAuthError(
                                    "unsupported_grant_type",
                                    "grant_type " + grantType + " is not supported (authorization_code,"
                                            + " refresh_token, client_credentials).");
                    };
            ObjectNode out = Json.object().put("access_token", tokens.accessToken());
            if (tokens.idToken() != null) {
                out.put("id_token", tokens.idToken());
            }
            if (tokens.refreshToken() != null) {
                out.put("refresh_token", tokens.refreshToken());
            }
            out.put("token_type", "Bearer").put("expires_in", tokens.expiresIn());
            return HttpResult.json(200, out, "application/json;charset=UTF-8")
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache");
        } catch (OAuthError e) {
            return oauthError(e);
        }
    }

    private static UserPool.Tokens authorizationCode(UserPool pool, AppClient client, Map<String, String> form) {
        String code = required(form, "code");
        String redirectUri = required(form, "redirect_uri");
        if (!client.oauthFlows().contains("code")) {
            throw new OAuthError("unauthorized_client", "Client " + client.id() + " is not allowed the code flow.");
        }
        UserPool.CodeGrant grant = pool.redeemCode(code);
        if (grant == null) {
            throw new OAuthError("invalid_grant", "The authorization code is invalid, expired or already used.");
        }
        if (!grant.clientId().equals(client.id())) {
            throw new OAuthError("invalid_grant", "The authorization code was issued to another client.");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw new OAuthError("invalid_grant", "redirect_uri differs from the one of the authorization request.");
        }
        if (grant.codeChallenge() != null) {
            String verifier = form.get("code_verifier");
            if (verifier == null || verifier.isBlank()) {
                throw new OAuthError("invalid_grant", "code_verifier is required: the code was issued with PKCE.");
            }
            if (!Secrets.s256(verifier).equals(grant.codeChallenge())) {
                throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge.");
            }
        }
        UserPool.PoolUser user = pool.user(grant.username());
        if (user == null || !user.enabled) {
            throw new OAuthError("invalid_grant", "The user is gone or disabled.");
        }
        return pool.signIn(user, client, grant.scope(), grant.nonce(), true);
    }

    /** The client, authenticated by HTTP Basic or {@code client_id}/{@code client_secret} in the body. */
    private static AppClient authenticateClient(UserPool pool, AwsRequest request, Map<String, String> form) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OAuthError("invalid_client", "The Basic authorization header is not valid base64.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new OAuthError("invalid_client", "The Basic authorization header has no client_id:secret.");
            }
            String basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            if (clientId != null && !clientId.equals(basicId)) {
                throw new OAuthError("invalid_request", "client_id differs from the Basic authorization's.");
            }
            clientId = basicId;
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new OAuthError("invalid_client", "Client authentication is required (Basic or client_id).");
        }
        AppClient client = pool.client(clientId);
        if (client == null) {
            throw new OAuthError("invalid_client", "Client " + clientId + " does not exist.");
        }
        if (client.secret() != null && (secret == null || !client.secret().equals(secret))) {
            throw new OAuthError("invalid_client", "Client authentication failed.");
        }
        if (client.secret() == null && secret != null && !secret.isEmpty()) {
            throw new OAuthError("invalid_client", "Client " + clientId + " has no secret.");
        }
        return client;
    }

    private static String required(Map<String, String> form, String name) {
        String v = form.get(name);
        if (v == null || v.isBlank()) {
            throw new OAuthError("invalid_request", name + " is required.");
        }
        return v;
    }

    private static HttpResult oauthError(OAuthError e) {
        HttpResult r = HttpResult.json(
                e.status(),
                Json.object().put("error", e.error()).put("error_description", e.getMessage()),
                "application/json;charset=UTF-8");
        return e.status() == 401 ? r.header("WWW-Authenticate", "Basic realm=\"devstack\"") : r;
    }

    // ---------------------------------------------------------------- authorize

    private static HttpResult authorize(UserPool pool, Map<String, String> p, boolean submitted) {
        String clientId = p.get("client_id");
        AppClient client = clientId == null ? null : pool.client(clientId);
        if (client == null) {
            return errorPage(
                    "invalid_client",
                    "Client " + (clientId == null ? "(none given)" : clientId) + " does not exist in user pool "
                            + pool.id() + ".");
        }
        String redirectUri = p.get("redirect_uri");
        if (redirectUri == null || !client.allowsRedirect(redirectUri)) {
            return errorPage(
                    "redirect_mismatch",
                    "redirect_uri " + (redirectUri == null ? "(none given)" : redirectUri)
                            + " is not a callback URL of client " + client.id() + ".");
        }
        String state = p.get("state");
        if (!"code".equals(p.get("response_type"))) {
            return redirect(redirectUri, Map.of("error", "unsupported_response_type"), state);
        }
        if (!client.oauthFlows().contains("code")) {
            return redirect(redirectUri, Map.of("error", "unauthorized_client"), state);
        }
        String scope;
        try {
            scope = pool.grantedScope(client, p.get("scope"), true);
        } catch (OAuthError e) {
            return redirect(redirectUri, Map.of("error", e.error()), state);
        }
        String challenge = blankToNull(p.get("code_challenge"));
        if (challenge != null && !"S256".equals(p.get("code_challenge_method"))) {
            return redirect(
                    redirectUri,
                    Map.of("error", "invalid_request", "error_description", "code_challenge_method must be S256"),
                    state);
        }
        if (!submitted) {
            return loginPage(pool, p, null);
        }
        String username = p.getOrDefault("username", "");
        UserPool.PoolUser user = pool.authenticate(username, p.getOrDefault("password", ""));
        if (user == null) {
            return loginPage(pool, p, "Incorrect username or password.");
        }
        if (!user.enabled) {
            return loginPage(pool, p, "User is disabled.");
        }
        if (UserPool.FORCE_CHANGE_PASSWORD.equals(user.status)) {
            return loginPage(
                    pool,
                    p,
                    "This user must change the temporary password first (InitiateAuth, then"
                            + " RespondToAuthChallenge NEW_PASSWORD_REQUIRED, or AdminSetUserPassword).");
        }
        String code = pool.issueCode(client, user, redirectUri, scope, challenge, blankToNull(p.get("nonce")));
        return redirect(redirectUri, Map.of("code", code), state);
    }

    private static HttpResult redirect(String redirectUri, Map<String, String> params, @Nullable String state) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (state != null) {
            all.put("state", state);
        }
        StringBuilder b = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        String sep = "";
        for (var e : all.entrySet()) {
            b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = "&";
        }
        return HttpResult.text(302, "text/plain", "").header("Location", b.toString());
    }

    private static HttpResult loginPage(UserPool pool, Map<String, String> p, @Nullable String message) {
        StringBuilder hidden = new StringBuilder();
        for (String field : List.of(FORM_FIELDS_HIDDEN.split(" "))) {
            String v = p.get(field);
            if (v != null) {
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(field)
                        .append("\" value=\"")
                        .append(html(v))
                        .append("\">\n");
            }
        }
        String username = p.getOrDefault("username", "");
        String body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Sign in - " + html(pool.name())
                + "</title></head>\n<body>\n<h1>Sign in</h1>\n<p>devstack user pool " + html(pool.id()) + " ("
                + html(pool.name()) + ")</p>\n"
                + (message == null ? "" : "<p id=\"error\" role=\"alert\">" + html(message) + "</p>\n")
                + "<form method=\"post\" action=\""
                + html(pool.authorizationEndpoint().getPath()) + "\">\n"
                + hidden
                + "<label>Username <input name=\"username\" autocomplete=\"username\" value=\"" + html(username)
                + "\"></label>\n"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\">"
                + "</label>\n<button type=\"submit\">Sign in</button>\n</form>\n</body></html>\n";
        return HttpResult.text(200, "text/html;charset=UTF-8", body).header("Cache-Control", "no-store");
    }

    private static HttpResult errorPage(String error, String description) {
        String body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Error</title></head>\n<body>\n"
                + "<h1>An error was encountered with the requested page.</h1>\n<p id=\"error\">" + html(error)
                + ": " + html(description) + "</p>\n</body></html>\n";
        return HttpResult.text(400, "text/html;charset=UTF-8", body);
    }

    // ---------------------------------------------------------------- userInfo

    private static HttpResult userInfo(UserPool pool, AwsRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return invalidToken("invalid_request", "A bearer access token is required.");
        }
        JWTClaimsSet claims = pool.verifyAccessToken(authorization.substring(7).trim());
        if (claims == null) {
            return invalidToken("invalid_token", "Access token is expired, invalid or not this pool's.");
        }
        Object username = claims.getClaim("username");
        UserPool.PoolUser user = username == null ? null : pool.user(username.toString());
        if (user == null || !user.enabled) {
            return invalidToken("invalid_token", "The access token is not a user's, or the user is gone.");
        }
        ObjectNode out = Json.object().put("sub", user.sub);
        if (user.email() != null) {
            out.put("email_verified", user.attributes.getOrDefault("email_verified", "false"));
            out.put("email", user.email());
        }
        out.put("username", user.username);
        return HttpResult.json(200, out, "application/json;charset=UTF-8");
    }

    private static HttpResult invalidToken(String error, String description) {
        return HttpResult.json(
                        401,
                        Json.object().put("error", error).put("error_description", description),
                        "application/json;charset=UTF-8")
                .header(
                        "WWW-Authenticate",
                        "Bearer error=\"" + error + "\", error_description=\"" + description + "\"");
    }

    // ---------------------------------------------------------------- helpers

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String html(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
