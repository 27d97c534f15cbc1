package dev.drsorchestrator.devstack.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one port every AWS API answers on. A request goes to the service named by its SigV4 credential scope (or its
 * {@code X-Amz-Target} when unsigned); {@code /_devstack/…} goes to the admin API, and a request a {@link #route
 * path route} claims (the identity provider's OAuth2 and OIDC endpoints: plain HTTP, no SigV4) to its handler.
 */
public final class EdgeServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EdgeServer.class.getName());
    public static final String ADMIN_PREFIX = "/_devstack";

    static {
        // The JDK server writes headers and body separately; with Nagle on, the body waits for the client's delayed
        // ACK (about 40 ms a request). Read once when the JDK's server config loads, so set it before any server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AwsService> services = new ConcurrentHashMap<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private volatile Function<AwsRequest, HttpResult> admin =
            r -> HttpResult.text(503, "text/plain", "devstack is starting");

    public EdgeServer(String host, int port) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 512);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "devstack-edge-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void register(AwsService service) {
        services.put(service.signingName(), service);
    }

    public void admin(Function<AwsRequest, HttpResult> handler) {
        this.admin = handler;
    }

    /**
     * Sends the requests {@code matches} claims to {@code handler}, before any service routing (after the admin API's
     * prefix). For plain-HTTP endpoints that carry no SigV4 and no {@code X-Amz-Target}; the predicate should be
     * narrow, since it sees every request.
     */
    public void route(Predicate<AwsRequest> matches, Function<AwsRequest, HttpResult> handler) {
        routes.add(new Route(matches, handler));
    }

    private record Route(Predicate<AwsRequest> matches, Function<AwsRequest, HttpResult> handler) {}

    public void start() {
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        HttpResult result;
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            AwsRequest request = new AwsRequest(
                    ex.getRequestMethod(),
                    ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders(),
                    body);
            result = dispatch(request, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "devstack failed on " + ex.getRequestURI(), e);
            result = HttpResult.text(500, "text/plain", "devstack internal error: " + e);
        }
        write(ex, result, requestId);
    }

    private HttpResult dispatch(AwsRequest request, String requestId) {
        if (request.path().startsWith(ADMIN_PREFIX)) {
            return admin.apply(request);
        }
        for (Route route : routes) {
            if (route.matches().test(request)) {
                return route.handler().apply(request);
            }
        }
        String name = request.service();
        AwsService service = name == null ? null : services.get(name);
        if (service == null) {
            return HttpResult.text(
                    400,
                    "text/plain",
                    name == null
                            ? "devstack could not tell which AWS service this request is for: it carries no SigV4"
                                    + " credential scope and no known X-Amz-Target. Sign the request (any"
                                    + " credentials work) or call /_devstack/ for the admin API."
                            : "devstack does not emulate the AWS service '" + name + "'. Emulated: "
                                    + String.join(", ", services.keySet()));
        }
        try {
            return service.handle(request);
        } catch (AwsServiceException e) {
            return service.protocol().render(e, requestId, service.jsonContentType());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "devstack " + name + " failed", e);
            return service.protocol()
                    .render(
                            new AwsServiceException(500, "InternalFailure", "devstack internal error: " + e),
                            requestId,
                            service.jsonContentType());
        }
    }

    private static void write(HttpExchange ex, HttpResult result, String requestId) throws IOException {
        var headers = ex.getResponseHeaders();
        headers.set("Content-Type", result.contentType());
        headers.set("x-amzn-RequestId", requestId);
        result.headers().forEach(headers::set);
        byte[] body = result.body();
        boolean noBody = body.length == 0 || result.status() == 204 || "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(result.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }
}
