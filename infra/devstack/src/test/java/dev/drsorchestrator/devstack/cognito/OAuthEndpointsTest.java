package dev.drsorchestrator.devstack.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import dev.drsorchestrator.devstack.testing.DevstackTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The default pool's OIDC discovery, JWKS and OAuth2 endpoints over plain HTTP, key rotation and the Java API. */
@ExtendWith(DevstackExtension.class)
class OAuthEndpointsTest {
    private static final String CALLBACK = "http://localhost:5173/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final Devstack devstack;
    private final Idp idp;
    private UserPool pool;

    OAuthEndpointsTest(Devstack devstack) {
        this.devstack = devstack;
        this.idp = new Idp(devstack);
    }

    @BeforeEach
    void reset() {
        devstack.reset();
        pool = devstack.cognito().defaultPool();
    }

    @Test
    void theDefaultPoolsIdsAndEndpoints() {
        assertThat(pool.id()).isEqualTo("us-east-1_devstack");
        assertThat(pool.issuer()).isEqualTo(URI.create(devstack.endpoint() + "/us-east-1_devstack"));
        assertThat(pool.jwksUri()).isEqualTo(URI.create(pool.issuer() + "/.well-known/jwks.json"));
        assertThat(pool.tokenEndpoint()).isEqualTo(URI.create(pool.issuer() + "/oauth2/token"));
        assertThat(devstack.cognito().get("us-east-1_devstack")).isSameAs(pool);
        assertThat(DefaultUserPool.CONSOLE_CLIENT_ID).isEqualTo("drs-console");
        assertThat(DefaultUserPool.AUTOMATION_CLIENT_ID).isEqualTo("drs-automation");
        assertThat(DefaultUserPool.AUTOMATION_CLIENT_SECRET).isEqualTo("drs-automation-secret");
        assertThat(DefaultUserPool.SCOPES)
                .containsExactly(
                        "drs/viewer",
                        "drs/planner",
                        "drs/drill-operator",
                        "drs/recovery-operator",
                        "drs/approver",
                        "drs/admin");
        Map<String, String> props = DevstackTestResource.properties(devstack);
        assertThat(props)
                .containsEntry("kit.auth.issuer", pool.issuer().toString())
                .containsEntry("kit.auth.client-ids", "drs-console,drs-automation");

        HttpResponse<String> discovery = idp.get(URI.create(pool.issuer() + "/.well-known/openid-configuration"));
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode doc = Json.parse(discovery.body());
        assertThat(doc.path("issuer").asText()).isEqualTo(pool.issuer().toString());
        assertThat(doc.path("jwks_uri").asText()).isEqualTo(pool.jwksUri().toString());
        assertThat(doc.path("token_endpoint").asText())
                .isEqualTo(pool.tokenEndpoint().toString());
        assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(pool.issuer() + "/oauth2/authorize");
        assertThat(doc.path("userinfo_endpoint").asText()).isEqualTo(pool.issuer() + "/oauth2/userInfo");
        assertThat(doc.path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(doc.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(doc.path("token_endpoint_auth_methods_supported").toString())
                .contains("client_secret_basic", "client_secret_post");
        assertThat(doc.path("scopes_supported").toString()).contains("openid", "drs/admin");

        // the current key first (the default pool keeps its keys across resets, so earlier rotations may show)
        assertThat(idp.jwks(pool).getKeys()).isNotEmpty().allMatch(k -> !k.isPrivate());
        assertThat(idp.jwks(pool).getKeys().get(0).getKeyID()).isEqualTo(pool.currentKeyId());
        assertThat(idp.get(URI.create(devstack.endpoint() + "/us-east-1_nosuchpool/.well-known/jwks.json"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBrowserOnAnotherOriginMayReadDiscoveryKeysAndTokensButNotTheLoginPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/jwks.json")) {
            HttpResponse<String> r = idp.get(URI.create(pool.issuer() + path));
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .hasValue("*");
        }
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(pool.tokenEndpoint())
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://127.0.0.1:8080")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("Content-Type");
        HttpResponse<String> token = idp.postForm(pool.tokenEndpoint(), Map.of("grant_type", "client_credentials"));
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<String> login = idp.get(URI.create(pool.authorizationEndpoint() + "?response_type=code&client_id="
                + DefaultUserPool.CONSOLE_CLIENT_ID + "&redirect_uri=" + CALLBACK));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void clientCredentialsByBasicOrBodyWithScopes() {
        HttpResponse<String> all = idp.postForm(
                pool.tokenEndpoint(),
                Map.of("grant_type", "client_credentials"),
                "Authorization",
                Idp.basic("drs-automation", "drs-automation-secret"));
        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(all.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.has("id_token")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        JWTClaimsSet claims = idp.verify(pool, body.path("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo("drs-automation");
        assertThat(claims.getClaim("client_id")).isEqualTo("drs-automation");
        assertThat(claims.getClaim("token_use")).isEqualTo("access");
        assertThat(claims.getClaim("scope"))
                .isEqualTo("drs/viewer drs/planner drs/drill-operator drs/recovery-operator drs/approver drs/admin");
        assertThat(claims.getClaim("username")).isNull();
        assertThat(claims.getClaim("cognito:groups")).isNull();
        assertThat(claims.getIssuer()).isEqualTo(pool.issuer().toString());

        HttpResponse<String> one = idp.postForm(
                pool.tokenEndpoint(),
                Map.of(
                        "grant_type", "client_credentials",
                        "client_id", "drs-automation",
                        "client_secret", "drs-automation-secret",
                        "scope", "drs/viewer drs/approver"));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(idp.verify(pool, Json.parse(one.body()).path("access_token").asText())
                        .getClaim("scope"))
                .isEqualTo("drs/viewer drs/approver");

        assertError(
                idp.postForm(
                        pool.tokenEndpoint(),
                        Map.of("grant_type", "client_credentials", "scope", "drs/superuser"),
                        "Authorization",
                        Idp.basic("drs-automation", "drs-automation-secret")),
                400,
                "invalid_scope");
        HttpResponse<String> wrongSecret = idp.postForm(
                pool.tokenEndpoint(),
                Map.of("grant_type", "client_credentials"),
                "Authorization",
                Idp.basic("drs-automation", "guess"));
        assertError(wrongSecret, 401, "invalid_client");
        assertError(
                idp.postForm(
                        pool.tokenEndpoint(),
                        Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x")),
                401,
                "invalid_client");
        assertError(
                idp.postForm(
                        pool.tokenEndpoint(),
                        Map.of("grant_type", "password"),
                        "Authorization",
                        Idp.basic("drs-automation", "drs-automation-secret")),
                400,
                "unsupported_grant_type");
        assertError(idp.postForm(pool.tokenEndpoint(), Map.of()), 400, "invalid_request");
        // the public console client cannot use client credentials
        assertError(
                idp.postForm(
                        pool.tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id", "drs-console")),
                400,
                "unauthorized_client");
    }

    @Test
    void authorizationCodeWithPkceThenRefresh() {
        pool.putUser("frank", "Frank-Pass-1", "frank@example.com", List.of("viewer", "approver"));
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", "drs-console");
        authorize.put("redirect_uri", CALLBACK);
        authorize.put("state", "xyz-state");
        authorize.put("scope", "openid email profile");
        authorize.put("code_challenge", Secrets.s256(VERIFIER));
        authorize.put("code_challenge_method", "S256");
        authorize.put("nonce", "n-0S6");
        URI authorizeUri = URI.create(pool.issuer() + "/oauth2/authorize?" + Idp.form(authorize));

        HttpResponse<String> page = idp.get(authorizeUri);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("name=\"username\"", "name=\"password\"", "type=\"hidden\" name=\"code_challenge\"");
        assertThat(page.body()).contains("value=\"xyz-state\"");

        Map<String, String> login = new LinkedHashMap<>(authorize);
        login.put("username", "frank");
        login.put("password", "wrong");
        HttpResponse<String> wrong = idp.postForm(pool.authorizationEndpoint(), login);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Incorrect username or password.");

        String code = signInThroughForm(authorize, "frank", "Frank-Pass-1");
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", "drs-console");
        exchange.put("code", code);
        exchange.put("redirect_uri", CALLBACK);
        exchange.put("code_verifier", VERIFIER);
        HttpResponse<String> tokens = idp.postForm(pool.tokenEndpoint(), exchange);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = Json.parse(tokens.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(3600);
        JWTClaimsSet access = idp.verify(pool, body.path("access_token").asText());
        assertThat(access.getSubject()).isEqualTo(pool.subjectOf("frank"));
        assertThat(access.getClaim("username")).isEqualTo("frank");
        assertThat(access.getClaim("client_id")).isEqualTo("drs-console");
        assertThat(access.getClaim("scope")).isEqualTo("openid email profile");
        assertThat(access.getClaim("cognito:groups")).isEqualTo(List.of("approver", "viewer"));
        JWTClaimsSet id = idp.verify(pool, body.path("id_token").asText());
        assertThat(id.getAudience()).containsExactly("drs-console");
        assertThat(id.getClaim("nonce")).isEqualTo("n-0S6");
        assertThat(id.getClaim("email")).isEqualTo("frank@example.com");
        assertThat(body.path("refresh_token").asText()).isNotBlank();

        // a code is good once
        assertError(idp.postForm(pool.tokenEndpoint(), exchange), 400, "invalid_grant");

        // userInfo with the access token
        HttpResponse<String> info = idp.get(
                URI.create(pool.issuer() + "/oauth2/userInfo"),
                "Authorization",
                "Bearer " + body.path("access_token").asText());
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode user = Json.parse(info.body());
        assertThat(user.path("sub").asText()).isEqualTo(pool.subjectOf("frank"));
        assertThat(user.path("username").asText()).isEqualTo("frank");
        assertThat(user.path("email").asText()).isEqualTo("frank@example.com");
        assertThat(idp.get(URI.create(pool.issuer() + "/oauth2/userInfo"), "Authorization", "Bearer junk")
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> refreshed = idp.postForm(
                pool.tokenEndpoint(),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        "drs-console",
                        "refresh_token",
                        body.path("refresh_token").asText()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode again = Json.parse(refreshed.body());
        assertThat(again.has("refresh_token")).isFalse();
        assertThat(idp.verify(pool, again.path("id_token").asText()).getSubject())
                .isEqualTo(pool.subjectOf("frank"));
        assertThat(idp.verify(pool, again.path("access_token").asText()).getClaim("scope"))
                .isEqualTo("openid email profile");
        assertError(
                idp.postForm(
                        pool.tokenEndpoint(),
                        Map.of("grant_type", "refresh_token", "client_id", "drs-console", "refresh_token", "nope")),
                400,
                "invalid_grant");
    }

    @Test
    void aWrongVerifierOrRedirectIsInvalidGrant() {
        pool.putUser("gina", "Gina-Pass-1", null, List.of());
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", "drs-console");
        authorize.put("redirect_uri", "http://127.0.0.1:8080/cb");
        authorize.put("code_challenge", Secrets.s256(VERIFIER));
        authorize.put("code_challenge_method", "S256");
        String code = signInThroughForm(authorize, "gina", "Gina-Pass-1");
        assertError(
                idp.postForm(
                        pool.tokenEndpoint(),
                        Map.of(
                                "grant_type", "authorization_code",
                                "client_id", "drs-console",
                                "code", code,
                                "redirect_uri", "http://127.0.0.1:8080/cb",
                                "code_verifier", "a-different-verifier-that-is-long-enough-0123456789")),
                400,
                "invalid_grant");
        String another = signInThroughForm(authorize, "gina", "Gina-Pass-1");
        assertError(
                idp.postForm(
                        pool.tokenEndpoint(),
                        Map.of(
                                "grant_type", "authorization_code",
                                "client_id", "drs-console",
                                "code", another,
                                "redirect_uri", "http://127.0.0.1:9999/elsewhere",
                                "code_verifier", VERIFIER)),
                400,
                "invalid_grant");
    }

    @Test
    void theAuthorizePageRefusesUnknownClientsAndCallbacks() {
        HttpResponse<String> unknown = idp.get(URI.create(pool.issuer()
                + "/oauth2/authorize?response_type=code&client_id=nobody&redirect_uri=" + Idp.enc(CALLBACK)));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("invalid_client").contains("nobody");
        HttpResponse<String> badCallback = idp.get(URI.create(pool.issuer()
                + "/oauth2/authorize?response_type=code&client_id=drs-console&redirect_uri="
                + Idp.enc("https://evil.example.com/cb")));
        assertThat(badCallback.statusCode()).isEqualTo(400);
        assertThat(badCallback.body()).contains("redirect_mismatch");
        HttpResponse<String> badScope = idp.get(URI.create(pool.issuer()
                + "/oauth2/authorize?response_type=code&client_id=drs-console&state=s1&scope=drs%2Fadmin&redirect_uri="
                + Idp.enc(CALLBACK)));
        assertThat(badScope.statusCode()).isEqualTo(302);
        assertThat(badScope.headers().firstValue("Location").orElseThrow())
                .isEqualTo(CALLBACK + "?error=invalid_scope&state=s1");
    }

    @Test
    void rotatedKeysKeepOldTokensVerifiable() {
        pool.putUser("hank", "Hank-Pass-1", null, List.of("admin"));
        String before = pool.accessToken("hank");
        String oldKid = Idp.kid(before);
        HttpResponse<String> rotated =
                idp.post(URI.create(devstack.endpoint() + "/_devstack/cognito/" + pool.id() + "/rotate-keys"));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKid = Json.parse(rotated.body()).path("kid").asText();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(idp.jwks(pool).getKeys()).extracting(k -> k.getKeyID()).startsWith(newKid, oldKid);
        assertThat(idp.verify(pool, before).getClaim("username")).isEqualTo("hank");
        String after = pool.accessToken("hank");
        assertThat(Idp.kid(after)).isEqualTo(newKid);
        assertThat(idp.verify(pool, after).getClaim("cognito:groups")).isEqualTo(List.of("admin"));
        pool.rotateKeys();
        assertThat(Idp.kid(pool.idToken("hank"))).isNotIn(oldKid, newKid);
        assertThat(idp.jwks(pool).getKeys())
                .extracting(k -> k.getKeyID())
                .startsWith(pool.currentKeyId(), newKid, oldKid);
        assertThat(idp.post(URI.create(devstack.endpoint() + "/_devstack/cognito/us-east-1_nothing/rotate-keys"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theJavaApiMintsWhatASignInWould() {
        pool.putUser("ivy", "Ivy-Pass-1", "ivy@example.com", List.of("viewer"));
        String sub = pool.subjectOf("ivy");
        pool.putUser("ivy", "Ivy-Pass-2", "ivy@example.org", List.of("planner", "drill-operator"));
        assertThat(pool.subjectOf("ivy")).as("putUser keeps the sub").isEqualTo(sub);

        JWTClaimsSet access = idp.verify(pool, pool.accessToken("ivy"));
        assertThat(access.getSubject()).isEqualTo(sub);
        assertThat(access.getClaim("client_id")).isEqualTo("drs-console");
        assertThat(access.getClaim("scope")).isEqualTo("openid email profile aws.cognito.signin.user.admin");
        assertThat(access.getClaim("cognito:groups")).isEqualTo(List.of("drill-operator", "planner"));
        JWTClaimsSet id = idp.verify(pool, pool.idToken("ivy"));
        assertThat(id.getClaim("email")).isEqualTo("ivy@example.org");
        assertThat(id.getClaim("cognito:username")).isEqualTo("ivy");

        Instant issued = Instant.parse("2026-01-01T10:00:00Z");
        JWTClaimsSet expired = idp.verify(pool, pool.accessToken("ivy", issued, Duration.ofMinutes(5)));
        assertThat(expired.getIssueTime().toInstant()).isEqualTo(issued);
        assertThat(expired.getExpirationTime().toInstant()).isEqualTo(issued.plus(Duration.ofMinutes(5)));

        JWTClaimsSet machine = idp.verify(pool, pool.clientCredentialsToken("drs-automation", List.of("drs/viewer")));
        assertThat(machine.getSubject()).isEqualTo("drs-automation");
        assertThat(machine.getClaim("scope")).isEqualTo("drs/viewer");
        assertThatThrownBy(() -> pool.clientCredentialsToken("drs-automation", List.of("drs/root")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid_scope");
        assertThatThrownBy(() -> pool.putUser("x", "X-Pass-123", null, List.of("no-such-group")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pool.accessToken("nobody")).isInstanceOf(IllegalArgumentException.class);

        pool.accessTokenValidity(Duration.ofMinutes(10));
        JWTClaimsSet short_ = idp.verify(pool, pool.accessToken("ivy"));
        assertThat(Duration.between(
                        short_.getIssueTime().toInstant(),
                        short_.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
        devstack.reset();
        assertThat(pool.accessTokenValidity()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> pool.subjectOf("ivy")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Posts the login form and returns the code from the redirect, checking state is carried back. */
    private String signInThroughForm(Map<String, String> authorize, String username, String password) {
        Map<String, String> login = new LinkedHashMap<>(authorize);
        login.put("username", username);
        login.put("password", password);
        HttpResponse<String> r = idp.postForm(pool.authorizationEndpoint(), login);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(authorize.get("redirect_uri") + "?code=");
        if (authorize.containsKey("state")) {
            assertThat(location).endsWith("&state=" + Idp.enc(authorize.get("state")));
        }
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void assertError(HttpResponse<String> r, int status, String error) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = Json.parse(r.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).isNotBlank();
    }
}
