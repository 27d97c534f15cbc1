package dev.drsorchestrator.devstack.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** The cognito-idp API through the real SDK client: pools, clients, groups, users and sign-in. */
@ExtendWith(DevstackExtension.class)
class CognitoApiTest {
    private final Devstack devstack;
    private final Idp idp;
    private final CognitoIdentityProviderClient cognito;

    CognitoApiTest(Devstack devstack) {
        this.devstack = devstack;
        this.idp = new Idp(devstack);
        this.cognito = idp.sdk();
    }

    @BeforeEach
    void reset() {
        devstack.reset();
    }

    @Test
    void aPoolWithAClientGroupAndUserSignsInWithVerifiableTokens() {
        var pool = cognito.createUserPool(b -> b.poolName("ops")).userPool();
        assertThat(pool.id()).matches("us-east-1_[0-9A-Za-z]{9}");
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id());
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool.id()))
                        .userPool()
                        .name())
                .isEqualTo("ops");
        var client = cognito.createUserPoolClient(b -> b.userPoolId(pool.id())
                        .clientName("cli")
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient();
        assertThat(client.clientId()).matches("[a-z0-9]{26}");
        assertThat(client.clientSecret()).isNull();
        cognito.createGroup(b -> b.userPoolId(pool.id()).groupName("operators").precedence(1));
        assertThatThrownBy(
                        () -> cognito.createGroup(b -> b.userPoolId(pool.id()).groupName("operators")))
                .isInstanceOf(GroupExistsException.class);
        var created = cognito.adminCreateUser(b -> b.userPoolId(pool.id())
                        .username("alice")
                        .temporaryPassword("Temporary-1")
                        .messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(
                                AttributeType.builder()
                                        .name("email")
                                        .value("alice@example.com")
                                        .build(),
                                AttributeType.builder()
                                        .name("email_verified")
                                        .value("true")
                                        .build()))
                .user();
        assertThat(created.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThatThrownBy(() -> cognito.adminCreateUser(
                        b -> b.userPoolId(pool.id()).username("alice").temporaryPassword("Temporary-1")))
                .isInstanceOf(UsernameExistsException.class);
        cognito.adminSetUserPassword(b -> b.userPoolId(pool.id())
                .username("alice")
                .password("Correct-Horse-1")
                .permanent(true));
        cognito.adminAddUserToGroup(
                b -> b.userPoolId(pool.id()).username("alice").groupName("operators"));
        var got = cognito.adminGetUser(b -> b.userPoolId(pool.id()).username("alice"));
        assertThat(got.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        String sub = got.userAttributes().stream()
                .filter(a -> a.name().equals("sub"))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(pool.id()).username("alice"))
                        .groups())
                .extracting(GroupType::groupName)
                .containsExactly("operators");

        var result = cognito.initiateAuth(b -> b.clientId(client.clientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Correct-Horse-1")))
                .authenticationResult();
        assertThat(result.tokenType()).isEqualTo("Bearer");
        assertThat(result.expiresIn()).isEqualTo(3600);
        assertThat(result.refreshToken()).isNotBlank();

        UserPool served = devstack.cognito().get(pool.id());
        JWTClaimsSet access = idp.verify(served, result.accessToken());
        assertThat(access.getSubject()).isEqualTo(sub);
        assertThat(access.getIssuer()).isEqualTo(devstack.endpoint() + "/" + pool.id());
        assertThat(access.getClaim("token_use")).isEqualTo("access");
        assertThat(access.getClaim("client_id")).isEqualTo(client.clientId());
        assertThat(access.getClaim("username")).isEqualTo("alice");
        assertThat(access.getClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
        assertThat(access.getClaim("cognito:groups")).isEqualTo(List.of("operators"));
        assertThat(access.getClaim("origin_jti")).isNotNull();
        assertThat(access.getClaim("event_id")).isNotNull();
        assertThat(access.getJWTID()).isNotBlank();
        assertThat(access.getAudience()).isEmpty();
        assertThat(Duration.between(
                        access.getIssueTime().toInstant(),
                        access.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(access.getIssueTime().toInstant()).isCloseTo(Instant.now(), within());

        JWTClaimsSet id = idp.verify(served, result.idToken());
        assertThat(id.getSubject()).isEqualTo(sub);
        assertThat(id.getAudience()).containsExactly(client.clientId());
        assertThat(id.getClaim("token_use")).isEqualTo("id");
        assertThat(id.getClaim("cognito:username")).isEqualTo("alice");
        assertThat(id.getClaim("email")).isEqualTo("alice@example.com");
        assertThat(id.getClaim("email_verified")).isEqualTo(true);
        assertThat(id.getClaim("cognito:groups")).isEqualTo(List.of("operators"));
        assertThat(id.getClaim("auth_time")).isEqualTo(access.getClaim("auth_time"));

        var refreshed = cognito.initiateAuth(b -> b.clientId(client.clientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", result.refreshToken())))
                .authenticationResult();
        assertThat(refreshed.refreshToken()).isNull();
        JWTClaimsSet again = idp.verify(served, refreshed.accessToken());
        assertThat(again.getClaim("origin_jti")).isEqualTo(access.getClaim("origin_jti"));
        assertThat(again.getJWTID()).isNotEqualTo(access.getJWTID());
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(client.clientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", "not-a-token"))))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void signInFailuresAreCognitosExceptions() {
        String poolId = cognito.createUserPool(b -> b.poolName("p")).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                        .clientName("c")
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
                .userPoolClient()
                .clientId();
        String srpOnly = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("srp"))
                .userPoolClient()
                .clientId();
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("bob").temporaryPassword("Temporary-1"));
        cognito.adminSetUserPassword(b ->
                b.userPoolId(poolId).username("bob").password("Secret-Pass-1").permanent(true));

        assertThatThrownBy(() -> signIn(clientId, "bob", "wrong-password"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Incorrect username or password.");
        assertThatThrownBy(() -> signIn(clientId, "nobody", "whatever-1")).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> signIn(srpOnly, "bob", "Secret-Pass-1"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("USER_PASSWORD_AUTH flow not enabled");
        assertThatThrownBy(() -> signIn("no-such-client", "bob", "Secret-Pass-1"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.adminSetUserPassword(b ->
                        b.userPoolId(poolId).username("bob").password("short").permanent(true)))
                .isInstanceOf(InvalidPasswordException.class);
        assertThatThrownBy(() -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("ghost")))
                .isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> cognito.describeUserPool(b -> b.userPoolId("us-east-1_nothere00")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.adminAddUserToGroup(
                        b -> b.userPoolId(poolId).username("bob").groupName("no-group")))
                .isInstanceOf(ResourceNotFoundException.class);
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("bob"));
        assertThatThrownBy(() -> signIn(clientId, "bob", "Secret-Pass-1"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("User is disabled.");
    }

    @Test
    void aTemporaryPasswordMustBeChangedThroughTheChallenge() {
        String poolId = cognito.createUserPool(b -> b.poolName("p")).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                        .clientName("c")
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
                .userPoolClient()
                .clientId();
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("carol").temporaryPassword("Temporary-1"));
        var challenge = signIn(clientId, "carol", "Temporary-1");
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThat(challenge.authenticationResult()).isNull();
        assertThat(challenge.session()).isNotBlank();
        var answered = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "carol", "NEW_PASSWORD", "Brand-New-Pass-1")));
        assertThat(answered.authenticationResult().accessToken()).isNotBlank();
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol"))
                        .userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(signIn(clientId, "carol", "Brand-New-Pass-1").authenticationResult())
                .isNotNull();
        assertThatThrownBy(() -> cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .session(challenge.session())
                        .challengeResponses(Map.of("USERNAME", "carol", "NEW_PASSWORD", "Another-Pass-1"))))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aClientWithASecretNeedsTheSecretHash() {
        String poolId = cognito.createUserPool(b -> b.poolName("p")).userPool().id();
        var client = cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                        .clientName("c")
                        .generateSecret(true)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
                .userPoolClient();
        assertThat(client.clientSecret()).isNotBlank();
        devstack.cognito().get(poolId).putUser("dave", "Dave-Pass-1", null, List.of());
        assertThatThrownBy(() -> signIn(client.clientId(), "dave", "Dave-Pass-1"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("secret");
        String hash = CognitoService.secretHash(client.clientSecret(), "dave", client.clientId());
        var ok = cognito.initiateAuth(b -> b.clientId(client.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "dave", "PASSWORD", "Dave-Pass-1", "SECRET_HASH", hash)));
        assertThat(ok.authenticationResult().accessToken()).isNotBlank();
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(client.clientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(
                                Map.of("USERNAME", "dave", "PASSWORD", "Dave-Pass-1", "SECRET_HASH", "bm9wZQ=="))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Unable to verify secret hash");
    }

    @Test
    void oauthClientsResourceServersListsAndPaging() {
        String poolId = cognito.createUserPool(b -> b.poolName("p")).userPool().id();
        cognito.createResourceServer(b -> b.userPoolId(poolId)
                .identifier("orders")
                .name("Orders")
                .scopes(ResourceServerScopeType.builder()
                        .scopeName("read")
                        .scopeDescription("read orders")
                        .build()));
        var machine = cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                        .clientName("machine")
                        .generateSecret(true)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthScopes("orders/read"))
                .userPoolClient();
        assertThat(machine.allowedOAuthFlows()).containsExactly(OAuthFlowType.CLIENT_CREDENTIALS);
        assertThat(machine.allowedOAuthScopes()).containsExactly("orders/read");
        assertThatThrownBy(() -> cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                        .clientName("bad")
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthScopes("orders/write")))
                .hasMessageContaining("orders/write");
        var web = cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                        .clientName("web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthScopes("openid", "email")
                        .callbackURLs("https://app.example.com/cb"))
                .userPoolClient();
        assertThat(web.callbackURLs()).containsExactly("https://app.example.com/cb");
        UserPool pool = devstack.cognito().get(poolId);
        String token = pool.clientCredentialsToken(machine.clientId(), List.of());
        JWTClaimsSet claims = idp.verify(pool, token);
        assertThat(claims.getSubject()).isEqualTo(machine.clientId());
        assertThat(claims.getClaim("scope")).isEqualTo("orders/read");

        for (int i = 0; i < 5; i++) {
            String name = "user" + i;
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username(name).temporaryPassword("Temporary-1"));
        }
        List<String> seen = new ArrayList<>();
        String token2 = null;
        int pages = 0;
        do {
            String next = token2;
            var page = cognito.listUsers(b -> b.userPoolId(poolId).limit(2).paginationToken(next));
            page.users().stream().map(UserType::username).forEach(seen::add);
            token2 = page.paginationToken();
            pages++;
        } while (token2 != null);
        assertThat(seen).containsExactly("user0", "user1", "user2", "user3", "user4");
        assertThat(pages).isEqualTo(3);
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).hasSize(5);

        cognito.createGroup(b -> b.userPoolId(poolId).groupName("b"));
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("a"));
        assertThat(cognito.listGroups(b -> b.userPoolId(poolId)).groups())
                .extracting(GroupType::groupName)
                .containsExactly("a", "b");
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("user0").groupName("a"));
        cognito.adminRemoveUserFromGroup(
                b -> b.userPoolId(poolId).username("user0").groupName("a"));
        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("user0"))
                        .groups())
                .isEmpty();
        assertThat(cognito.listUserPools(b -> b.maxResults(60)).userPools())
                .extracting(p -> p.id())
                .contains(poolId, "us-east-1_devstack");
    }

    @Test
    void theDefaultPoolIsThereWithItsGroupsAndClients() {
        String id = DefaultUserPool.id("us-east-1");
        assertThat(id).isEqualTo("us-east-1_devstack");
        var pool = cognito.describeUserPool(b -> b.userPoolId(id)).userPool();
        assertThat(pool.name()).isEqualTo("drs-orchestrator");
        assertThat(cognito.listGroups(b -> b.userPoolId(id)).groups())
                .extracting(GroupType::groupName)
                .containsExactlyInAnyOrder(
                        "viewer", "planner", "drill-operator", "recovery-operator", "approver", "admin");
        var console = cognito.describeUserPoolClient(b -> b.userPoolId(id).clientId("drs-console"))
                .userPoolClient();
        assertThat(console.clientSecret()).isNull();
        assertThat(console.allowedOAuthFlows()).containsExactly(OAuthFlowType.CODE);
        var automation = cognito.describeUserPoolClient(
                        b -> b.userPoolId(id).clientId(DefaultUserPool.AUTOMATION_CLIENT_ID))
                .userPoolClient();
        assertThat(automation.clientSecret()).isEqualTo("drs-automation-secret");
        assertThat(automation.allowedOAuthScopes())
                .containsExactly(
                        "drs/viewer",
                        "drs/planner",
                        "drs/drill-operator",
                        "drs/recovery-operator",
                        "drs/approver",
                        "drs/admin");
        // The console client also signs in with a password (scripts, the CLI).
        devstack.cognito().defaultPool().putUser("erin", "Erin-Pass-1", "erin@example.com", List.of("planner"));
        var tokens = signIn("drs-console", "erin", "Erin-Pass-1").authenticationResult();
        JWTClaimsSet access = idp.verify(devstack.cognito().defaultPool(), tokens.accessToken());
        assertThat(access.getIssuer()).isEqualTo(devstack.endpoint() + "/us-east-1_devstack");
        assertThat(access.getClaim("cognito:groups")).isEqualTo(List.of("planner"));
    }

    private software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse signIn(
            String clientId, String username, String password) {
        return cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(60, java.time.temporal.ChronoUnit.SECONDS);
    }
}
