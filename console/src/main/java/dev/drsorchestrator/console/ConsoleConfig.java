package dev.drsorchestrator.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The console's settings: where users sign in, and (locally) where each service's API is. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    Oidc oidc();

    /**
     * The base URL of each service whose API the console proxies under {@code /api/<service>/…}, by service name
     * (e.g. {@code console.services.plan-service=http://127.0.0.1:8082}). Empty in AWS, where the load balancer
     * routes {@code /api/*} to the services itself and the console only serves the app.
     */
    Map<String, String> services();

    Proxy proxy();

    /** A name shown in the console's header, e.g. {@code staging}. */
    Optional<String> environment();

    interface Oidc {
        /** The issuer: devstack's user pool locally, the Cognito user pool in AWS. */
        String authority();

        /** The console's public app client (authorization code with PKCE, no secret). */
        @WithDefault("drs-console")
        String clientId();

        @WithDefault("openid profile email")
        String scope();

        /** Cognito's logout endpoint ({@code https://<domain>/logout}); none locally. */
        Optional<String> logoutUrl();
    }

    interface Proxy {
        /** How long to wait for a service to accept a connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * How long a proxied request may go without a byte from the service; a stream's keep-alives (every 15 s)
         * keep it open.
         */
        @WithDefault("60s")
        Duration idleTimeout();
    }
}
