package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ActionId;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Polls a URL every {@code intervalSeconds} until it answers {@code expectedStatus} or the timeout passes. */
public record HttpCheckAction(
        ActionId actionId,
        @Nullable String name,
        boolean continueOnFailure,
        int timeoutSeconds,
        String url,
        int expectedStatus,
        int intervalSeconds)
        implements WaveAction {

    public HttpCheckAction {
        Require.nonNull(actionId, "actionId");
        checkUrl(url);
        if (expectedStatus < 100 || expectedStatus > 599) {
            throw new IllegalArgumentException(
                    "expectedStatus must be an HTTP status 100-599 but was " + expectedStatus);
        }
        Require.positive(timeoutSeconds, "timeoutSeconds");
        WaveActions.checkTimeout(timeoutSeconds);
        Require.positive(intervalSeconds, "intervalSeconds");
        if (intervalSeconds > timeoutSeconds) {
            throw new IllegalArgumentException("intervalSeconds " + intervalSeconds + " is longer than timeoutSeconds "
                    + timeoutSeconds + ": the check would run once at most");
        }
    }

    private static void checkUrl(String url) {
        Require.text(url, "url");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "url '" + url + "' must be an absolute http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + url + "' is not a valid URL: " + e.getReason());
        }
    }

    @Override
    public ActionType type() {
        return ActionType.HTTP_CHECK;
    }
}
