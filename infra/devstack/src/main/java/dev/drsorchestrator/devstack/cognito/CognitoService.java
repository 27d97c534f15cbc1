package dev.drsorchestrator.devstack.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Page;
import dev.drsorchestrator.devstack.http.Protocol;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cognito-idp} API (awsJson1.1, {@code AWSCognitoIdentityProviderService.<Op>}): user pools, app clients,
 * resource servers, groups, users, and sign-in with InitiateAuth (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH) and
 * RespondToAuthChallenge (NEW_PASSWORD_REQUIRED). Errors carry Cognito's codes, so the SDK raises its typed
 * exceptions.
 */
public final class CognitoService implements AwsService {
    private static final String CLIENT_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<String> OAUTH_FLOWS = Set.of("code", "implicit", "client_credentials");

    private final UserPools pools;

    public CognitoService(UserPools pools) {
        this.pools = pools;
    }

    @Override
    public String signingName() {
        return "cognito-idp";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        JsonNode in = request.json();
        ObjectNode out =
                switch (request.target()) {
                    case "CreateUserPool" -> createUserPool(in);
                    case "DescribeUserPool" -> Json.object().set("UserPool", describe(pool(in)));
                    case "ListUserPools" -> listUserPools(in);
                    case "DeleteUserPool" -> deleteUserPool(in);
                    case "CreateUserPoolClient" -> createUserPoolClient(in);
                    case "DescribeUserPoolClient" -> describeUserPoolClient(in);
                    case "CreateResourceServer" -> createResourceServer(in);
                    case "CreateGroup" -> createGroup(in);
                    case "ListGroups" -> listGroups(in);
                    case "AdminCreateUser" -> adminCreateUser(in);
                    case "AdminSetUserPassword" -> adminSetUserPassword(in);
                    case "AdminAddUserToGroup" -> adminChangeGroup(in, true);
                    case "AdminRemoveUserFromGroup" -> adminChangeGroup(in, false);
                    case "AdminListGroupsForUser" -> adminListGroupsForUser(in);
                    case "AdminGetUser" -> adminGetUser(in);
                    case "AdminEnableUser" -> adminEnable(in, true);
                    case "AdminDisableUser" -> adminEnable(in, false);
                    case "AdminDeleteUser" -> adminDeleteUser(in);
                    case "ListUsers" -> listUsers(in);
                    case "InitiateAuth" -> initiateAuth(in);
                    case "RespondToAuthChallenge" -> respondToAuthChallenge(in);
                    default ->
                        throw AwsServiceException.badRequest(
                                "UnknownOperationException",
                                "devstack cognito-idp does not implement " + request.target());
                };
        return HttpResult.json(200, out, jsonContentType());
    }

    // ---------------------------------------------------------------- errors

    private static AwsServiceException invalidParameter(String message) {
        return AwsServiceException.badRequest("InvalidParameterException", message);
    }

    private static AwsServiceException notAuthorized(String message) {
        return AwsServiceException.badRequest("NotAuthorizedException", message);
    }

    private static String required(JsonNode in, String field) {
        String v = Json.text(in, field);
        if (v == null || v.isBlank()) {
            throw invalidParameter("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    // ---------------------------------------------------------------- pools

    private UserPool pool(JsonNode in) {
        String id = required(in, "UserPoolId");
        UserPool pool = pools.find(id);
        if (pool == null) {
            throw AwsServiceException.badRequest("ResourceNotFoundException", "User pool " + id + " does not exist.");
        }
        return pool;
    }

    private ObjectNode createUserPool(JsonNode in) {
        String name = required(in, "PoolName");
        int minLength =
                in.path("Policies").path("PasswordPolicy").path("MinimumLength").asInt(8);
        if (minLength < 6 || minLength > 99) {
            throw invalidParameter("MinimumLength must be between 6 and 99.");
        }
        UserPool pool = pools.create(name);
        pool.minimumPasswordLength(minLength);
        return Json.object().set("UserPool", describe(pool));
    }

    private static ObjectNode describe(UserPool pool) {
        ObjectNode p = Json.object()
                .put("Id", pool.id())
                .put("Name", pool.name())
                .put("Arn", pool.arn())
                .put("CreationDate", epoch(pool.created()))
                .put("LastModifiedDate", epoch(pool.created()))
                .put("EstimatedNumberOfUsers", pool.users().size())
                .put("MfaConfiguration", "OFF");
        p.putObject("Policies")
                .putObject("PasswordPolicy")
                .put("MinimumLength", pool.minimumPasswordLength())
                .put("RequireUppercase", false)
                .put("RequireLowercase", false)
                .put("RequireNumbers", false)
                .put("RequireSymbols", false)
                .put("TemporaryPasswordValidityDays", 7);
        return p;
    }

    private ObjectNode listUserPools(JsonNode in) {
        int max = in.path("MaxResults").asInt(0);
        if (max < 1 || max > 60) {
            throw invalidParameter("MaxResults must be between 1 and 60.");
        }
        Map<String, UserPool> byId = new LinkedHashMap<>();
        pools.all().forEach(p -> byId.put(p.id(), p));
        Page page = page(new ArrayList<>(byId.keySet()), Json.text(in, "NextToken"), max);
        return page.render("UserPools", "NextToken", id -> {
            UserPool p = byId.get(id);
            return Json.object()
                    .put("Id", p.id())
                    .put("Name", p.name())
                    .put("CreationDate", epoch(p.created()))
                    .put("LastModifiedDate", epoch(p.created()));
        });
    }

    private ObjectNode deleteUserPool(JsonNode in) {
        UserPool pool = pool(in);
        try {
            pools.delete(pool.id());
        } catch (IllegalArgumentException e) {
            throw invalidParameter(e.getMessage());
        }
        return Json.object();
    }

    // ---------------------------------------------------------------- clients, resource servers, groups

    private ObjectNode createUserPoolClient(JsonNode in) {
        UserPool pool = pool(in);
        String name = required(in, "ClientName");
        Set<String> flows = strings(in, "AllowedOAuthFlows");
        for (String f : flows) {
            if (!OAUTH_FLOWS.contains(f)) {
                throw invalidParameter(
                        "AllowedOAuthFlows: " + f + " is not one of code, implicit, client_credentials.");
            }
        }
        List<String> scopes = new ArrayList<>(strings(in, "AllowedOAuthScopes"));
        Set<String> known = pool.knownScopes();
        for (String s : scopes) {
            if (!known.contains(s)) {
                throw AwsServiceException.badRequest("ScopeDoesNotExistException", "Invalid scope requested: " + s);
            }
        }
        boolean secret = in.path("GenerateSecret").asBoolean(false);
        if (flows.contains("client_credentials") && !secret) {
            throw invalidParameter(
                    "client_credentials flow can not be selected if client does not have a client" + " secret.");
        }
        if (flows.contains("client_credentials") && (flows.contains("code") || flows.contains("implicit"))) {
            throw invalidParameter(
                    "client_credentials flow can not be selected along with code flow or implicit" + " flow.");
        }
        List<String> callbacks = new ArrayList<>(strings(in, "CallbackURLs"));
        if (flows.contains("code") && callbacks.isEmpty()) {
            throw invalidParameter("A redirection uri must be provided when the code flow is enabled.");
        }
        Set<String> explicit = strings(in, "ExplicitAuthFlows");
        if (explicit.isEmpty()) {
            explicit = Set.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH");
        }
        AppClient client = new AppClient(
                Secrets.randomAlnum(26, CLIENT_ID_ALPHABET),
                name,
                secret ? Secrets.randomAlnum(51, CLIENT_ID_ALPHABET) : null,
                flows,
                scopes,
                callbacks,
                false,
                explicit,
                pool.now());
        pool.addClient(client);
        return Json.object().set("UserPoolClient", describe(pool, client));
    }

    private ObjectNode describeUserPoolClient(JsonNode in) {
        UserPool pool = pool(in);
        String id = required(in, "ClientId");
        AppClient client = pool.client(id);
        if (client == null) {
            throw AwsServiceException.badRequest(
                    "ResourceNotFoundException", "User pool client " + id + " does not exist.");
        }
        return Json.object().set("UserPoolClient", describe(pool, client));
    }

    private static ObjectNode describe(UserPool pool, AppClient c) {
        ObjectNode o = Json.object()
                .put("UserPoolId", pool.id())
                .put("ClientName", c.name())
                .put("ClientId", c.id());
        if (c.secret() != null) {
            o.put("ClientSecret", c.secret());
        }
        o.put("CreationDate", epoch(c.created())).put("LastModifiedDate", epoch(c.created()));
        o.put("AccessTokenValidity", pool.accessTokenValidity().toMinutes())
                .put("IdTokenValidity", pool.idTokenValidity().toMinutes())
                .put("RefreshTokenValidity", pool.refreshTokenValidity().toMinutes());
        o.putObject("TokenValidityUnits")
                .put("AccessToken", "minutes")
                .put("IdToken", "minutes")
                .put("RefreshToken", "minutes");
        array(o, "ExplicitAuthFlows", c.explicitAuthFlows());
        array(o, "AllowedOAuthFlows", c.oauthFlows());
        array(o, "AllowedOAuthScopes", c.scopes());
        array(o, "CallbackURLs", c.callbackUrls());
        o.put("AllowedOAuthFlowsUserPoolClient", !c.oauthFlows().isEmpty());
        return o;
    }

    private ObjectNode createResourceServer(JsonNode in) {
        UserPool pool = pool(in);
        String identifier = required(in, "Identifier");
        String name = required(in, "Name");
        if (pool.resourceServer(identifier) != null) {
            throw invalidParameter("A resource server with identifier " + identifier + " already exists.");
        }
        Map<String, String> scopes = new LinkedHashMap<>();
        for (JsonNode s : in.path("Scopes")) {
            String scopeName = required(s, "ScopeName");
            scopes.put(scopeName, Json.text(s, "ScopeDescription") == null ? "" : Json.text(s, "ScopeDescription"));
        }
        UserPool.ResourceServer server = new UserPool.ResourceServer(identifier, name, scopes);
        pool.addResourceServer(server);
        ObjectNode rs = Json.object()
                .put("UserPoolId", pool.id())
                .put("Identifier", identifier)
                .put("Name", name);
        ArrayNode list = rs.putArray("Scopes");
        scopes.forEach((k, v) -> list.addObject().put("ScopeName", k).put("ScopeDescription", v));
        return Json.object().set("ResourceServer", rs);
    }

    private ObjectNode createGroup(JsonNode in) {
        UserPool pool = pool(in);
        String name = required(in, "GroupName");
        synchronized (pool) {
            if (pool.group(name) != null) {
                throw AwsServiceException.badRequest("GroupExistsException", "A group with the name already exists.");
            }
            JsonNode precedence = in.get("Precedence");
            UserPool.Group g = new UserPool.Group(
                    name,
                    Json.text(in, "Description"),
                    precedence == null || precedence.isNull() ? null : precedence.asInt(),
                    pool.now());
            pool.addGroup(g);
            return Json.object().set("Group", describe(pool, g));
        }
    }

    private static ObjectNode describe(UserPool pool, UserPool.Group g) {
        ObjectNode o = Json.object().put("GroupName", g.name()).put("UserPoolId", pool.id());
        if (g.description() != null) {
            o.put("Description", g.description());
        }
        if (g.precedence() != null) {
            o.put("Precedence", g.precedence());
        }
        return o.put("CreationDate", epoch(g.created())).put("LastModifiedDate", epoch(g.created()));
    }

    private ObjectNode listGroups(JsonNode in) {
        UserPool pool = pool(in);
        List<String> names = pool.groups().stream().map(UserPool.Group::name).toList();
        Page page = page(names, Json.text(in, "NextToken"), in.path("Limit").asInt(60));
        return page.render("Groups", "NextToken", n -> describe(pool, pool.group(n)));
    }

    // ---------------------------------------------------------------- users

    private static UserPool.PoolUser user(UserPool pool, JsonNode in) {
        String username = required(in, "Username");
        UserPool.PoolUser user = pool.user(username);
        if (user == null) {
            throw AwsServiceException.badRequest("UserNotFoundException", "User does not exist.");
        }
        return user;
    }

    private static void checkPassword(UserPool pool, String password) {
        if (password.length() < pool.minimumPasswordLength()) {
            throw AwsServiceException.badRequest(
                    "InvalidPasswordException",
                    "Password did not conform with policy: Password not long enough (at least "
                            + pool.minimumPasswordLength() + " characters)");
        }
    }

    private ObjectNode adminCreateUser(JsonNode in) {
        UserPool pool = pool(in);
        String username = required(in, "Username");
        String action = Json.text(in, "MessageAction");
        if (action != null && !action.equals("SUPPRESS") && !action.equals("RESEND")) {
            throw invalidParameter("MessageAction must be SUPPRESS or RESEND.");
        }
        String password = Json.text(in, "TemporaryPassword");
        if (password == null) {
            password = Secrets.randomToken(12);
        }
        checkPassword(pool, password);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode a : in.path("UserAttributes")) {
            String name = required(a, "Name");
            if (name.equals("sub")) {
                throw invalidParameter("sub cannot be set: Cognito assigns it.");
            }
            attributes.put(name, Json.text(a, "Value") == null ? "" : Json.text(a, "Value"));
        }
        synchronized (pool) {
            if (pool.user(username) != null) {
                throw AwsServiceException.badRequest("UsernameExistsException", "User account already exists");
            }
            UserPool.PoolUser user = pool.addUser(username, password, UserPool.FORCE_CHANGE_PASSWORD);
            user.attributes.putAll(attributes);
            return Json.object().set("User", describeUser(user, "Attributes"));
        }
    }

    private static ObjectNode describeUser(UserPool.PoolUser user, String attributesField) {
        ObjectNode o = Json.object().put("Username", user.username);
        ArrayNode attrs = o.putArray(attributesField);
        user.attributes.forEach((k, v) -> attrs.addObject().put("Name", k).put("Value", v));
        return o.put("UserCreateDate", epoch(user.created))
                .put("UserLastModifiedDate", epoch(user.modified))
                .put("Enabled", user.enabled)
                .put("UserStatus", user.status);
    }

    private ObjectNode adminSetUserPassword(JsonNode in) {
        UserPool pool = pool(in);
        String password = required(in, "Password");
        synchronized (pool) {
            UserPool.PoolUser user = user(pool, in);
            checkPassword(pool, password);
            user.password = password;
            user.status = in.path("Permanent").asBoolean(false) ? UserPool.CONFIRMED : UserPool.FORCE_CHANGE_PASSWORD;
            user.modified = pool.now();
        }
        return Json.object();
    }

    private ObjectNode adminChangeGroup(JsonNode in, boolean add) {
        UserPool pool = pool(in);
        String group = required(in, "GroupName");
        synchronized (pool) {
            UserPool.PoolUser user = user(pool, in);
            if (pool.group(group) == null) {
                throw AwsServiceException.badRequest("ResourceNotFoundException", "Group not found.");
            }
            if (add) {
                user.groups.add(group);
            } else {
                user.groups.remove(group);
            }
        }
        return Json.object();
    }

    private ObjectNode adminListGroupsForUser(JsonNode in) {
        UserPool pool = pool(in);
        List<String> names;
        synchronized (pool) {
            names = new ArrayList<>(user(pool, in).groups);
        }
        Page page = page(names, Json.text(in, "NextToken"), in.path("Limit").asInt(60));
        return page.render("Groups", "NextToken", n -> describe(pool, pool.group(n)));
    }

    private ObjectNode adminGetUser(JsonNode in) {
        UserPool pool = pool(in);
        synchronized (pool) {
            return describeUser(user(pool, in), "UserAttributes");
        }
    }

    private ObjectNode adminEnable(JsonNode in, boolean enabled) {
        UserPool pool = pool(in);
        synchronized (pool) {
            UserPool.PoolUser user = user(pool, in);
            user.enabled = enabled;
            user.modified = pool.now();
        }
        return Json.object();
    }

    private ObjectNode adminDeleteUser(JsonNode in) {
        UserPool pool = pool(in);
        synchronized (pool) {
            pool.removeUser(user(pool, in).username);
        }
        return Json.object();
    }

    private ObjectNode listUsers(JsonNode in) {
        UserPool pool = pool(in);
        int limit = in.path("Limit").asInt(60);
        if (limit < 1 || limit > 60) {
            throw invalidParameter("Limit must be between 1 and 60.");
        }
        synchronized (pool) {
            Map<String, UserPool.PoolUser> byName = new LinkedHashMap<>();
            pool.users().forEach(u -> byName.put(u.username, u));
            Page page = page(new ArrayList<>(byName.keySet()), Json.text(in, "PaginationToken"), limit);
            return page.render("Users", "PaginationToken", n -> describeUser(byName.get(n), "Attributes"));
        }
    }

    // ---------------------------------------------------------------- sign-in

    private AppClient client(String clientId) {
        UserPool pool = pools.poolOfClient(clientId);
        AppClient client = pool == null ? null : pool.client(clientId);
        if (client == null) {
            throw AwsServiceException.badRequest(
                    "ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
        }
        return client;
    }

    private static void checkSecretHash(AppClient client, String username, @Nullable String secretHash) {
        if (client.secret() == null) {
            return;
        }
        if (secretHash == null) {
            throw notAuthorized("Client " + client.id() + " is configured for secret but secret was not received");
        }
        if (!MessageDigest.isEqual(
                secretHash(client.secret(), username, client.id()).getBytes(StandardCharsets.UTF_8),
                secretHash.getBytes(StandardCharsets.UTF_8))) {
            throw notAuthorized("Unable to verify secret hash for client " + client.id());
        }
    }

    /** {@code Base64(HMAC-SHA256(key = client secret, username + client id))}, Cognito's SECRET_HASH. */
    public static String secretHash(String clientSecret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode initiateAuth(JsonNode in) {
        String flow = required(in, "AuthFlow");
        AppClient client = client(required(in, "ClientId"));
        UserPool pool = pools.poolOfClient(client.id());
        JsonNode params = in.path("AuthParameters");
        switch (flow) {
            case "USER_PASSWORD_AUTH" -> {
                if (!client.allowsAuthFlow("USER_PASSWORD_AUTH")) {
                    throw invalidParameter("USER_PASSWORD_AUTH flow not enabled for this client");
                }
                String username = Json.text(params, "USERNAME");
                String password = Json.text(params, "PASSWORD");
                if (username == null || password == null) {
                    throw invalidParameter(
                            "Missing required parameter " + (username == null ? "USERNAME" : "PASSWORD"));
                }
                checkSecretHash(client, username, Json.text(params, "SECRET_HASH"));
                UserPool.PoolUser user = pool.authenticate(username, password);
                if (user == null) {
                    throw notAuthorized("Incorrect username or password.");
                }
                if (!user.enabled) {
                    throw notAuthorized("User is disabled.");
                }
                if (UserPool.FORCE_CHANGE_PASSWORD.equals(user.status)) {
                    ObjectNode out = Json.object()
                            .put("ChallengeName", "NEW_PASSWORD_REQUIRED")
                            .put("Session", pool.startSession(user, client));
                    ObjectNode attrs = Json.object();
                    user.attributes.forEach((k, v) -> {
                        if (!k.equals("sub")) {
                            attrs.put(k, v);
                        }
                    });
                    out.putObject("ChallengeParameters")
                            .put("USER_ID_FOR_SRP", user.username)
                            .put("requiredAttributes", "[]")
                            .put("userAttributes", Json.write(attrs));
                    return out;
                }
                return authenticationResult(pool.signIn(user, client, UserPool.API_SIGN_IN_SCOPE, null, true), true);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                if (!client.allowsAuthFlow("REFRESH_TOKEN_AUTH")) {
                    throw invalidParameter("REFRESH_TOKEN_AUTH flow not enabled for this client");
                }
                String refresh = Json.text(params, "REFRESH_TOKEN");
                if (refresh == null) {
                    throw invalidParameter("Missing required parameter REFRESH_TOKEN");
                }
                UserPool.Tokens tokens = pool.refresh(refresh, client);
                if (tokens == null) {
                    throw notAuthorized("Invalid Refresh Token");
                }
                return authenticationResult(tokens, false);
            }
            default ->
                throw invalidParameter(
                        "devstack supports the AuthFlow USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, not " + flow + ".");
        }
    }

    private ObjectNode respondToAuthChallenge(JsonNode in) {
        AppClient client = client(required(in, "ClientId"));
        UserPool pool = pools.poolOfClient(client.id());
        String challenge = required(in, "ChallengeName");
        if (!challenge.equals("NEW_PASSWORD_REQUIRED")) {
            throw invalidParameter("devstack answers only the NEW_PASSWORD_REQUIRED challenge, not " + challenge);
        }
        JsonNode responses = in.path("ChallengeResponses");
        String username = Json.text(responses, "USERNAME");
        String password = Json.text(responses, "NEW_PASSWORD");
        if (username == null || password == null) {
            throw invalidParameter("Missing required parameter " + (username == null ? "USERNAME" : "NEW_PASSWORD"));
        }
        checkSecretHash(client, username, Json.text(responses, "SECRET_HASH"));
        checkPassword(pool, password);
        UserPool.PoolUser user = pool.endSession(required(in, "Session"), username, client);
        if (user == null) {
            throw notAuthorized("Invalid session for the user, session is expired.");
        }
        synchronized (pool) {
            user.password = password;
            user.status = UserPool.CONFIRMED;
            user.modified = pool.now();
        }
        return authenticationResult(pool.signIn(user, client, UserPool.API_SIGN_IN_SCOPE, null, true), true);
    }

    private static ObjectNode authenticationResult(UserPool.Tokens tokens, boolean withRefresh) {
        ObjectNode out = Json.object();
        out.putObject("ChallengeParameters");
        ObjectNode r = out.putObject("AuthenticationResult")
                .put("AccessToken", tokens.accessToken())
                .put("ExpiresIn", tokens.expiresIn())
                .put("TokenType", "Bearer");
        if (withRefresh && tokens.refreshToken() != null) {
            r.put("RefreshToken", tokens.refreshToken());
        }
        r.put("IdToken", tokens.idToken());
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static Page page(List<String> sortedKeys, @Nullable String token, int limit) {
        List<String> sorted = new ArrayList<>(sortedKeys);
        sorted.sort(null);
        try {
            return Page.of(sorted, token, limit);
        } catch (AwsServiceException e) {
            throw invalidParameter(e.getMessage());
        }
    }

    private static Set<String> strings(JsonNode in, String field) {
        Set<String> out = new LinkedHashSet<>();
        in.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void array(ObjectNode o, String field, java.util.Collection<String> values) {
        ArrayNode a = o.putArray(field);
        values.forEach(a::add);
    }

    private static double epoch(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
