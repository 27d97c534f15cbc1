package dev.drsorchestrator.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.drsorchestrator.kit.auth.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What every service proves about identity, the same way: no operation in its OpenAPI document is reachable without a
 * declared role; the role table in {@code docs/security.md} is the one it enforces; missing, expired, malformed,
 * wrongly signed and foreign tokens get 401 problem+json with {@code WWW-Authenticate} and change nothing; every role
 * below the one an operation needs gets 403 naming it; the audit trail records it all and only admins read it.
 * A service's test extends this ({@code @QuarkusTest}, {@code @QuarkusTestResource(KitTestResource.class)}).
 */
public abstract class ServiceAuthTest {

    /** A valid state-changing request, sent with bad tokens. */
    public record Change(String method, String path, String body) {}

    private static final Path SECURITY_DOC = Path.of("../docs/security.md");
    private static final boolean REGENERATE = Boolean.getBoolean("security.regenerate");

    private final String service;

    protected ServiceAuthTest(String service) {
        this.service = service;
    }

    /** A request that would change something if it were authorised. */
    protected abstract Change change();

    /** What {@link #change()} would alter, as an admin reads it; equal before and after a refused change. */
    protected abstract Object state();

    /** Every operation of the OpenAPI document with the role it declares ({@code METHOD path} → role). */
    protected Map<String, String> declaredRoles() {
        JsonPath doc = given().auth()
                .none()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Map<String, String> roles = new TreeMap<>();
        List<String> open = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String key = method.toUpperCase() + " " + path;
            String role = role(operation);
            if (role == null) {
                open.add(key);
            } else {
                roles.put(key, role);
            }
        }));
        assertThat(open)
                .as("operations of %s that declare no role (annotate them with @RolesAllowed)", service)
                .isEmpty();
        return roles;
    }

    @SuppressWarnings("unchecked")
    private static String role(Map<String, Object> operation) {
        Object security = operation.get("security");
        if (!(security instanceof List<?> requirements)) {
            return null;
        }
        for (Object requirement : requirements) {
            for (Object scopes : ((Map<String, Object>) requirement).values()) {
                List<String> named = (List<String>) scopes;
                if (named.size() == 1 && Roles.LADDER.contains(named.get(0))) {
                    return named.get(0);
                }
            }
        }
        return null;
    }

    @Test
    void everyOperationDeclaresARoleAndDocsSecurityMdListsIt() throws IOException {
        Map<String, String> roles = declaredRoles();
        assertThat(roles).isNotEmpty().containsEntry("GET /audit", Roles.ADMIN);
        StringBuilder table = new StringBuilder("| method | path | least role |\n|---|---|---|\n");
        roles.forEach((operation, role) -> {
            String[] parts = operation.split(" ", 2);
            table.append("| ")
                    .append(parts[0])
                    .append(" | `")
                    .append(parts[1])
                    .append("` | `")
                    .append(role);
            table.append("` |\n");
        });
        String start = "<!-- roles:" + service + ":start -->\n";
        String end = "<!-- roles:" + service + ":end -->";
        String doc = Files.readString(SECURITY_DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from)
                .as("docs/security.md has a section %s…%s", start.strip(), end)
                .isNotNegative();
        String committed = doc.substring(from + start.length(), to);
        if (REGENERATE && !committed.equals(table.toString())) {
            Files.writeString(
                    SECURITY_DOC,
                    doc.substring(0, from + start.length()) + table + doc.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(committed)
                .as("docs/security.md's role table of %s (rewrite it with -Dsecurity.regenerate=true)", service)
                .isEqualTo(table.toString());
    }

    @Test
    void missingExpiredMalformedWronglySignedAndForeignTokensGet401AndChangeNothing() throws Exception {
        Object before = state();
        String user = "auth-test-" + service;
        Identities.token(user, Roles.ADMIN);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(
                "expired",
                Identities.pool().accessToken(user, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)));
        tokens.put("malformed", "not-a-jwt");
        tokens.put("wrongly signed", resigned(Identities.pool().accessToken(user)));
        tokens.put("foreign issuer", foreign(Identities.pool().accessToken(user)));
        send(given().auth().none(), change())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm="))
                .body("status", equalTo(401))
                .body("detail", containsString("bearer token"));
        tokens.forEach((kind, token) -> send(given().auth().none().header("Authorization", "Bearer " + token), change())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("refused")));
        assertThat(state()).as("what a refused change would have altered").isEqualTo(before);
        // Each refusal is in the audit trail (written off the event loop, so it may take a moment).
        await().untilAsserted(() -> {
            List<Map<String, Object>> refused = given().queryParam("outcome", "REFUSED")
                    .queryParam("limit", 500)
                    .get("/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            assertThat(refused.stream()
                            .filter(e -> e.get("path").equals(change().path())
                                    && Integer.valueOf(401).equals(e.get("status"))
                                    && "anonymous".equals(e.get("actor")))
                            .count())
                    .isGreaterThanOrEqualTo(1 + tokens.size());
        });
    }

    @Test
    void everyRoleBelowTheOneAnOperationNeedsGets403NamingItAndReadsPassWithTheirRole() {
        Map<String, String> roles = declaredRoles();
        List<String> failures = new ArrayList<>();
        roles.forEach((operation, needed) -> {
            String[] parts = operation.split(" ", 2);
            Change attempt = new Change(parts[0], parts[1].replaceAll("\\{[^}]+}", "no-such-id"), "{}");
            for (String role : Roles.LADDER) {
                boolean below = Roles.LADDER.indexOf(role) < Roles.LADDER.indexOf(needed);
                if (!below && !attempt.method().equals("GET")) {
                    continue;
                }
                Response answer = send(given().auth().oauth2(Identities.token("only-" + role, role)), attempt);
                if (below) {
                    if (answer.statusCode() != 403
                            || !needed.equals(answer.jsonPath().getString("requiredRole"))) {
                        failures.add(operation + " as " + role + ": " + answer.statusCode() + " " + answer.asString());
                    }
                } else if (attempt.method().equals("GET")
                        && (answer.statusCode() == 401 || answer.statusCode() == 403)) {
                    // Only reads are tried with a role that may: a change would really happen (a sync, say).
                    failures.add(operation + " as " + role + " (allowed): " + answer.statusCode());
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void theAuditTrailRecordsWhoChangedWhatAndOnlyAdminsReadIt() {
        String viewer = Identities.token("only-" + Roles.VIEWER, Roles.VIEWER);
        given().auth()
                .oauth2(viewer)
                .get("/audit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("requiredRole", equalTo(Roles.ADMIN));
        send(given().auth().oauth2(viewer), change()).then().statusCode(403);
        String subject = Identities.subjectOf("only-" + Roles.VIEWER);
        List<Map<String, Object>> mine = await().until(
                        () -> given().queryParam("actor", subject)
                                .queryParam("outcome", "REFUSED")
                                .get("/audit")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("items"),
                        found -> !found.isEmpty());
        Map<String, Object> entry = mine.get(0);
        assertThat(entry)
                .containsEntry("actor", "only-" + Roles.VIEWER)
                .containsEntry("actorId", subject)
                .containsEntry("method", change().method())
                .containsEntry("path", change().path())
                .containsEntry("status", 403)
                .containsEntry("service", service)
                .containsEntry("roles", List.of(Roles.VIEWER))
                .containsEntry("clientIp", "127.0.0.1")
                .containsKeys("at", "correlationId");
        assertThat(entry.get("correlationId"))
                .as("the request's correlation id")
                .isNotNull();
        given().queryParam("outcome", "maybe")
                .queryParam("from", "yesterday")
                .get("/audit")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("outcome", "from"));
    }

    @Test
    void aMachineClientGetsTheRolesItsScopesGrantAndIsRecordedAsTheClient() {
        String reader =
                Identities.pool().clientCredentialsToken(Identities.AUTOMATION_CLIENT, List.of("drs/" + Roles.VIEWER));
        send(given().auth().oauth2(reader), change())
                .then()
                .statusCode(403)
                .body("requiredRole", org.hamcrest.Matchers.not(equalTo(Roles.VIEWER)));
        List<Map<String, Object>> entries = await().until(
                        () -> given().queryParam("actor", "client:" + Identities.AUTOMATION_CLIENT)
                                .queryParam("outcome", "REFUSED")
                                .get("/audit")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("items"),
                        found -> !found.isEmpty());
        assertThat(entries)
                .first()
                .satisfies(e -> assertThat(e)
                        .containsEntry("path", change().path())
                        .containsEntry("roles", List.of(Roles.VIEWER)));
        String admin =
                Identities.pool().clientCredentialsToken(Identities.AUTOMATION_CLIENT, List.of("drs/" + Roles.ADMIN));
        given().auth().oauth2(admin).get("/audit").then().statusCode(200);
    }

    @Test
    void afterTheIssuerRotatesItsKeysNewTokensAreAcceptedAndOldOnesStillAre() throws ParseException {
        String user = "rotation-" + service;
        String before = Identities.token(user, Roles.ADMIN);
        given().auth().oauth2(before).get("/audit").then().statusCode(200);
        Identities.pool().rotateKeys();
        String after = Identities.pool().accessToken(user);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID())
                .as("the new token is signed with the new key")
                .isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
        given().auth().oauth2(after).get("/audit").then().statusCode(200);
        given().auth().oauth2(before).get("/audit").then().statusCode(200);
    }

    protected static Response send(RequestSpecification request, Change change) {
        RequestSpecification r = request.contentType(ContentType.JSON);
        if (!change.method().equals("GET") && !change.method().equals("DELETE")) {
            r = r.body(change.body());
        }
        return r.request(change.method(), change.path());
    }

    /** The same claims signed with a key the issuer never had, under the issuer's key id. */
    private static String resigned(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(jwt.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(stranger.getKeyID())
                        .build(),
                jwt.getJWTClaimsSet());
        forged.sign(new RSASSASigner(stranger));
        return forged.serialize();
    }

    /** Valid-looking claims from another issuer, signed by that issuer's own key. */
    private static String foreign(String token) throws ParseException, JOSEException {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        RSAKey other = new RSAKeyGenerator(2048).keyID("other-issuer-key").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(other.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder(claims)
                        .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_SomeoneElse")
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .build());
        jwt.sign(new RSASSASigner(other));
        return jwt.serialize();
    }
}
