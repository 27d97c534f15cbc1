package dev.drsorchestrator.devstack.cognito;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user pool's app client.
 *
 * @param secret null for a public client
 * @param oauthFlows {@code code}, {@code implicit}, {@code client_credentials}
 * @param scopes the OAuth scopes it may be granted
 * @param callbackUrls the redirect URIs it may use (exactly)
 * @param loopbackCallbacks whether any {@code http://localhost:<port>/…} or {@code http://127.0.0.1:<port>/…} is a
 *     redirect URI too (what a developer's console on any port needs; Cognito lists them one by one)
 * @param explicitAuthFlows {@code ALLOW_USER_PASSWORD_AUTH}, {@code ALLOW_REFRESH_TOKEN_AUTH} …
 */
record AppClient(
        String id,
        String name,
        @Nullable String secret,
        Set<String> oauthFlows,
        List<String> scopes,
        List<String> callbackUrls,
        boolean loopbackCallbacks,
        Set<String> explicitAuthFlows,
        Instant created) {

    boolean allowsRedirect(String redirectUri) {
        if (callbackUrls.contains(redirectUri)) {
            return true;
        }
        if (!loopbackCallbacks) {
            return false;
        }
        try {
            URI uri = new URI(redirectUri);
            return "http".equals(uri.getScheme())
                    && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    boolean allowsAuthFlow(String flow) {
        return explicitAuthFlows.contains("ALLOW_" + flow) || explicitAuthFlows.contains(flow);
    }
}
