package dev.drsorchestrator.console;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * {@code /api/<service>/<path>} to {@code <service's base URL>/<path>}: the same paths the AWS entry point routes,
 * so the browser talks to one origin here as there. Requests and answers are streamed both ways (a Server-Sent
 * Events stream passes through as it comes); the headers go as they are, but for hop-by-hop ones, and with
 * {@code X-Forwarded-*} added. Like the entry point, it refuses {@code /api/<service>/q/…} (health, metrics and
 * OpenAPI stay private). Its own refusals and a service that does not answer are problem+json.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    /** Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1), and Host, which is the target's. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host");

    private final Map<String, URI> services;
    private final HttpClient client;

    ApiProxy(ConsoleConfig config, Vertx vertx) {
        Map<String, URI> targets = new TreeMap<>();
        config.services().forEach((name, base) -> {
            URI uri = URI.create(base.replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("console.services." + name + " must be an http:// or https:// URL"
                        + " with a host, such as http://127.0.0.1:8082; got '" + base + "'");
            }
            targets.put(name, uri);
        });
        this.services = Collections.unmodifiableMap(targets);
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setIdleTimeout((int) config.proxy().idleTimeout().toSeconds())
                .setKeepAlive(true)
                // Streams hold a connection each for as long as a page follows an execution.
                .setMaxPoolSize(500)
                .setMaxWaitQueueSize(500));
    }

    void routes(@Observes Router router) {
        router.route("/api/*").order(-10).handler(this::forward);
    }

    void stop(@Observes ShutdownEvent event) {
        client.close();
    }

    /** The services proxied, by name. */
    Map<String, URI> services() {
        return services;
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String path = in.path();
        // Decided on the decoded path (what the service will see), forwarded as it came: no '.' or '..' segment and
        // no encoded slash or backslash may steer a request to another service or to a service's /q/ endpoints.
        String decoded = decode(path);
        if (decoded == null
                || decoded.contains("\\")
                || Arrays.stream(decoded.split("/", -1)).anyMatch(s -> s.equals(".") || s.equals(".."))
                || !decode(path.replace("%2F", "").replace("%2f", "")).equals(decoded)) {
            Problems.send(
                    ctx,
                    400,
                    "invalid-path",
                    "Invalid path",
                    "An API path may not contain '.' or '..' segments, encoded slashes or backslashes, or malformed"
                            + " percent-encoding.");
            return;
        }
        if (decoded.length() <= "/api/".length()) {
            Problems.send(ctx, 404, "not-found", "No such API", "The APIs are /api/<service>/…");
            return;
        }
        String rest = decoded.substring("/api/".length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? rest : rest.substring(0, slash);
        String target = slash < 0 ? "/" : rest.substring(slash);
        String rawTarget = slash < 0 ? "/" : path.substring(path.indexOf('/', "/api/".length()));
        URI base = services.get(service);
        if (base == null) {
            Problems.send(
                    ctx,
                    404,
                    "not-found",
                    "No such API",
                    services.isEmpty()
                            ? "This console proxies no APIs (console.services is empty): in AWS the load balancer"
                                    + " routes /api/* to the services."
                            : "'" + service + "' is not a service; the APIs are /api/<service>/… for "
                                    + String.join(", ", services.keySet()) + ".");
            return;
        }
        if (target.equals("/q") || target.startsWith("/q/")) {
            Problems.send(
                    ctx,
                    404,
                    "not-found",
                    "Not found",
                    "Health, metrics and OpenAPI (/q/…) are not served through the console or the entry point;"
                            + " read them on the service itself.");
            return;
        }
        in.pause();
        String query = in.query();
        boolean tls = "https".equals(base.getScheme());
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(base.getHost())
                .setSsl(tls)
                .setPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80)
                .setURI(base.getRawPath() + rawTarget + (query == null ? "" : "?" + query));
        client.request(options)
                .onFailure(e -> unreachable(ctx, service, base, e))
                .onSuccess(out -> {
                    // The browser went away before (or while) the service answered: stop the service's side too.
                    ctx.response().closeHandler(v -> out.reset());
                    copyHeaders(in.headers(), out.headers());
                    out.putHeader("X-Forwarded-For", forwardedFor(in));
                    out.putHeader("X-Forwarded-Proto", in.scheme());
                    if (in.authority() != null) {
                        out.putHeader("X-Forwarded-Host", in.authority().toString());
                    }
                    String length = in.getHeader("Content-Length");
                    if (length == null && hasBody(in)) {
                        out.setChunked(true);
                    }
                    out.response()
                            .onFailure(e -> unreachable(ctx, service, base, e))
                            .onSuccess(answer -> relay(ctx, answer));
                    // A body cut short must not reach the service as a whole one: reset, never end.
                    in.pipe().endOnFailure(false).to(out).onFailure(e -> {
                        LOG.debugf("request body to %s: %s", service, e.getMessage());
                        out.reset();
                    });
                });
    }

    private static void relay(RoutingContext ctx, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        copyHeaders(answer.headers(), response.headers());
        if (answer.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        String type = answer.getHeader("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            // Tell any proxy in front of this one not to buffer the stream.
            response.putHeader("X-Accel-Buffering", "no");
            response.putHeader("Cache-Control", "no-cache");
        }
        // When the browser goes away, stop the service's answer too (a stream would otherwise stay open); an answer
        // cut short by the service is cut short for the browser too (reset), never ended as if it were whole.
        response.closeHandler(v -> answer.request().reset());
        answer.pipe().endOnFailure(false).to(response).onFailure(e -> response.reset());
    }

    private static void unreachable(RoutingContext ctx, String service, URI base, Throwable e) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.request().resume();
        Problems.send(
                ctx,
                502,
                "bad-gateway",
                service + " did not answer",
                service + " at " + base + " did not answer (" + e.getMessage() + "). Is it running? Locally,"
                        + " infra/local/run starts it and prints its log folder; try again once it is ready.");
    }

    /** The path with its percent-encoding decoded (a {@code +} stays a {@code +}); null when it is malformed. */
    static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hasBody(HttpServerRequest in) {
        String encoding = in.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static String forwardedFor(HttpServerRequest in) {
        String client =
                in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        String earlier = in.getHeader("X-Forwarded-For");
        return earlier == null ? client : earlier + ", " + client;
    }

    /** Copies end-to-end headers: not the hop-by-hop ones, nor those the message's Connection header names. */
    private static void copyHeaders(MultiMap from, MultiMap to) {
        Set<String> connection = new HashSet<>();
        from.getAll("Connection").forEach(value -> {
            for (String token : value.split(",")) {
                connection.add(token.trim().toLowerCase(Locale.ROOT));
            }
        });
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !connection.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
