package dev.drsorchestrator.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for plan-service behind the console's proxy: it keeps every request it receives and answers {@code
 * /echo} with what it saw, {@code /created} with 201 and a Location, and {@code /stream} with a Server-Sent Events
 * stream whose second event waits until the test lets it go. notifier is pointed at a port nothing listens on.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** One request as plan-service received it. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {}

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch secondEvent = new CountDownLatch(1);

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", FakeServices::handle);
        server.start();
        return Map.of(
                "console.services.plan-service",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "console.services.notifier",
                "http://127.0.0.1:" + closedPort(),
                "console.oidc.authority",
                "http://127.0.0.1:4566/us-east-1_devstack",
                "console.oidc.logout-url",
                "https://drs.auth.us-east-1.amazoncognito.com/logout");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(
                ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body));
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/created" -> {
                ex.getResponseHeaders().add("Location", "/things/1");
                send(ex, 201, "application/json", "{\"id\":\"1\"}");
            }
            case "/stream" -> {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write("event: execution\nid: 1\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (secondEvent.await(30, TimeUnit.SECONDS)) {
                        out.write("event: execution\nid: 2\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the console went away
                }
            }
            default -> {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                String forwarded = ex.getRequestHeaders().getFirst("X-Forwarded-For");
                send(
                        ex,
                        200,
                        "application/json",
                        "{\"method\":\"" + ex.getRequestMethod() + "\",\"uri\":\"" + ex.getRequestURI()
                                + "\",\"authorization\":\"" + auth + "\",\"forwardedFor\":\"" + forwarded
                                + "\",\"body\":" + (body.isEmpty() ? "null" : body) + "}");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
