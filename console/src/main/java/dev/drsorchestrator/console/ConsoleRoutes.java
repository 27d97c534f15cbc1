package dev.drsorchestrator.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The app itself: {@code /config.json} (where to sign in), the page for any of the app's own paths (a deep link such
 * as {@code /executions/exec-…} is the app's, not a file), and the headers every page gets. The built files are
 * served by Quarkus from {@code META-INF/resources}, where the Vite build puts them.
 */
@ApplicationScoped
public class ConsoleRoutes {

    private final String settings;
    private final String contentSecurityPolicy;

    ConsoleRoutes(ConsoleConfig config) {
        JsonObject json = new JsonObject()
                .put("authority", config.oidc().authority())
                .put("clientId", config.oidc().clientId())
                .put("scope", config.oidc().scope());
        config.oidc().logoutUrl().ifPresent(url -> json.put("logoutUrl", url));
        config.environment().ifPresent(env -> json.put("environment", env));
        this.settings = json.encode();
        this.contentSecurityPolicy = contentSecurityPolicy(config);
    }

    void routes(@Observes Router router) {
        router.route().order(-20).handler(this::headers);
        router.get("/config.json")
                .order(-9)
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store")
                        .end(settings));
        router.routeWithRegex(HttpMethod.GET, "/[^.]*").order(-8).handler(ConsoleRoutes::appPage);
    }

    /** A path of the app's (no dot in it) is the app's page; Quarkus serves {@code /} as index.html. */
    private static void appPage(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.equals("/") || path.startsWith("/api/") || path.startsWith("/q/") || path.equals("/q")) {
            ctx.next();
        } else {
            ctx.reroute("/");
        }
    }

    private void headers(RoutingContext ctx) {
        String path = ctx.request().path();
        if (!path.startsWith("/api/")) {
            ctx.addHeadersEndHandler(v -> {
                var headers = ctx.response().headers();
                headers.set("Content-Security-Policy", contentSecurityPolicy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Frame-Options", "DENY");
                if (path.startsWith("/assets/")) {
                    // File names carry a hash of their content: a new build has new names.
                    headers.set("Cache-Control", "public, max-age=31536000, immutable");
                } else if (!"no-store".equals(headers.get("Cache-Control"))) {
                    // The page: asked again each time (Quarkus would let it be cached for a day), so a new build is
                    // picked up at once.
                    headers.set("Cache-Control", "no-cache");
                }
            });
        }
        ctx.next();
    }

    /**
     * Scripts and styles from this origin only; requests to this origin and to the identity provider (its issuer, and
     * the sign-in domain its logout URL is on, where Cognito's token endpoint is too).
     */
    static String contentSecurityPolicy(ConsoleConfig config) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(config.oidc().authority()));
        config.oidc().logoutUrl().ifPresent(url -> connect.add(origin(url)));
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " font-src 'self' data:; connect-src " + String.join(" ", connect) + "; frame-ancestors 'none';"
                + " base-uri 'self'; form-action 'self' " + origin(config.oidc().authority()) + "; object-src 'none'";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
