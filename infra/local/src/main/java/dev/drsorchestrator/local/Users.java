package dev.drsorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people of the local run: one user per role in devstack's user pool (named after the role, plus a second
 * approver for the two-person rule), created through the Cognito API as a script would, each with a fresh password.
 * Their tokens come from {@code InitiateAuth} (USER_PASSWORD_AUTH through the console's app client), as the CLI gets
 * them.
 */
public final class Users {

    /** devstack's default user pool and the console's app client (see docs/devstack.md). */
    public static final String POOL = LocalSystem.REGION + "_devstack";

    public static final String CLIENT = "drs-console";
    public static final List<String> ROLES =
            List.of("viewer", "planner", "drill-operator", "recovery-operator", "approver", "admin");
    /** A second approver: a RECOVERY requested by {@code approver} must be approved by someone else. */
    public static final String SECOND_APPROVER = "approver-2";

    private static final String TARGET = "AWSCognitoIdentityProviderService.";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final String endpoint;
    private final Rest anonymous = new Rest();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {}

    private Users(String devstackUrl) {
        this.endpoint = devstackUrl + "/";
    }

    /** Creates (or resets) the users in devstack's pool with new passwords. */
    public static Users create(String devstackUrl) {
        Users users = new Users(devstackUrl);
        SecureRandom random = new SecureRandom();
        for (String role : ROLES) {
            users.put(role, role, password(random));
        }
        users.put(SECOND_APPROVER, "approver", password(random));
        return users;
    }

    /** Username → password, in role order (least to most, then the second approver). */
    public Map<String, String> passwords() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(passwords));
    }

    public List<String> usernames() {
        return List.copyOf(passwords.keySet());
    }

    public String password(String username) {
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalArgumentException("no local user " + username + "; the users are " + passwords.keySet());
        }
        return password;
    }

    /** A REST client that calls as {@code username} (a fresh token when the last one is about to expire). */
    public Rest rest(String username) {
        password(username);
        return new Rest(() -> token(username));
    }

    /** The user's current access token. */
    public String token(String username) {
        Token current = tokens.get(username);
        if (current == null || Instant.now().isAfter(current.expires().minus(Duration.ofMinutes(5)))) {
            ObjectNode body =
                    Rest.object().put("AuthFlow", "USER_PASSWORD_AUTH").put("ClientId", CLIENT);
            body.putObject("AuthParameters").put("USERNAME", username).put("PASSWORD", password(username));
            JsonNode result = call("InitiateAuth", body).path("AuthenticationResult");
            current = new Token(
                    result.path("AccessToken").asText(),
                    Instant.now().plusSeconds(result.path("ExpiresIn").asLong(3600)));
            tokens.put(username, current);
        }
        return current.value();
    }

    private void put(String username, String group, String password) {
        ObjectNode create = Rest.object()
                .put("UserPoolId", POOL)
                .put("Username", username)
                .put("TemporaryPassword", password)
                .put("MessageAction", "SUPPRESS");
        create.putArray("UserAttributes").addObject().put("Name", "email").put("Value", username + "@example.com");
        Rest.Response created = anonymous.aws(endpoint, TARGET + "AdminCreateUser", create);
        if (created.status() != 200 && !created.body().contains("UsernameExistsException")) {
            created.expect(200);
        }
        call(
                "AdminSetUserPassword",
                Rest.object()
                        .put("UserPoolId", POOL)
                        .put("Username", username)
                        .put("Password", password)
                        .put("Permanent", true));
        call(
                "AdminAddUserToGroup",
                Rest.object().put("UserPoolId", POOL).put("Username", username).put("GroupName", group));
        passwords.put(username, password);
    }

    private JsonNode call(String operation, ObjectNode body) {
        return anonymous.aws(endpoint, TARGET + operation, body).expect(200).json();
    }

    private static String password(SecureRandom random) {
        StringBuilder p = new StringBuilder("Dr-");
        for (int i = 0; i < 12; i++) {
            p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return p.append("-1").toString();
    }
}
