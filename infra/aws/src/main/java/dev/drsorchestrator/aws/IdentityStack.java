package dev.drsorchestrator.aws;

import dev.drsorchestrator.kit.auth.Roles;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.constructs.Construct;

/**
 * Who may use the system: a Cognito user pool whose groups are the services' roles (docs/security.md), an app
 * client for people (authorization code with PKCE, for the console) and one for machines (client credentials,
 * one scope per role: {@code drs/<role>}, the services' default scope prefix).
 */
public final class IdentityStack extends Stack {

    /** The resource server's identifier: a machine client's scope {@code drs/drill-operator} grants that role. */
    static final String SCOPE_SERVER = "drs";

    private final UserPool pool;
    private final UserPoolClient console;
    private final UserPoolClient machines;
    private final UserPoolDomain domain;

    public IdentityStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        pool = UserPool.Builder.create(this, "Users")
                .userPoolName(settings.prefix())
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(14)
                        .requireDigits(true)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireSymbols(true)
                        .tempPasswordValidity(Duration.days(3))
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .deletionProtection(settings.retainData())
                .removalPolicy(settings.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        for (String role : Roles.LADDER) {
            CfnUserPoolGroup.Builder.create(this, Names.id(role) + "Group")
                    .userPoolId(pool.getUserPoolId())
                    .groupName(role)
                    .description("DRS Orchestrator role " + role + " (docs/security.md)")
                    .build();
        }
        domain = pool.addDomain(
                "Domain",
                UserPoolDomainOptions.builder()
                        .cognitoDomain(CognitoDomainOptions.builder()
                                .domainPrefix(settings.cognitoDomainPrefix())
                                .build())
                        .build());

        List<ResourceServerScope> scopes = Roles.LADDER.stream()
                .map(role -> ResourceServerScope.Builder.create()
                        .scopeName(role)
                        .scopeDescription("act as " + role)
                        .build())
                .toList();
        UserPoolResourceServer api = pool.addResourceServer(
                "Api",
                UserPoolResourceServerOptions.builder()
                        .identifier(SCOPE_SERVER)
                        .userPoolResourceServerName(settings.prefix() + "-api")
                        .scopes(scopes)
                        .build());

        // The console (served at the public URL) signs in with redirect <url>/callback and returns to <url>/ after
        // logging out.
        String callback = settings.publicUrl() + "/callback";
        String home = settings.publicUrl() + "/";
        console = pool.addClient(
                "Console",
                software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                        .userPoolClientName(settings.prefix() + "-console")
                        .generateSecret(false)
                        .authFlows(AuthFlow.builder().build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder()
                                        .authorizationCodeGrant(true)
                                        .build())
                                .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                                .callbackUrls(List.of(callback))
                                .logoutUrls(List.of(home))
                                .build())
                        .preventUserExistenceErrors(true)
                        .accessTokenValidity(Duration.hours(1))
                        .idTokenValidity(Duration.hours(1))
                        .refreshTokenValidity(Duration.hours(12))
                        .enableTokenRevocation(true)
                        .build());
        machines = pool.addClient(
                "Machines",
                software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                        .userPoolClientName(settings.prefix() + "-automation")
                        .generateSecret(true)
                        .authFlows(AuthFlow.builder().build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder()
                                        .clientCredentials(true)
                                        .build())
                                .scopes(scopes.stream()
                                        .map(s -> OAuthScope.resourceServer(api, s))
                                        .toList())
                                .build())
                        .accessTokenValidity(Duration.hours(1))
                        .enableTokenRevocation(true)
                        .build());
        outputs(settings);
    }

    private void outputs(Settings settings) {
        output("UserPoolId", pool.getUserPoolId(), "the user pool: create the first admin in it (docs/deploy.md)");
        output("ConsoleClientId", console.getUserPoolClientId(), "the app client for people (code + PKCE)");
        output("MachineClientId", machines.getUserPoolClientId(), "the app client for machines (client credentials)");
        output("Issuer", issuer(), "the token issuer the services trust");
        output(
                "SignInDomain",
                "https://" + settings.cognitoDomainPrefix() + ".auth." + getRegion() + ".amazoncognito.com",
                "sign-in and the token endpoint (/oauth2/token)");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public UserPool pool() {
        return pool;
    }

    /** The issuer the services trust: {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. */
    public String issuer() {
        return pool.getUserPoolProviderUrl();
    }

    public UserPoolClient console() {
        return console;
    }

    public UserPoolClient machines() {
        return machines;
    }

    /**
     * The sign-in domain; its {@code baseUrl()} is {@code https://<prefix>.auth.<region>.amazoncognito.com}, the prefix
     * being {@code cognitoDomainPrefix}.
     */
    public UserPoolDomain domain() {
        return domain;
    }
}
