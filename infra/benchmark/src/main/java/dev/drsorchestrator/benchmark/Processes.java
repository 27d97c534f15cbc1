package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.local.Component;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The system's processes as the OS sees them: this JVM's children, told apart by the jar each runs. Their start-up
 * (first seen → ready, polled every 10 ms) and their resident memory ({@code VmRSS} in {@code /proc/<pid>/status}).
 */
public final class Processes {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(200))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Processes() {}

    /** The child process running each component's jar, now. */
    public static Map<Component, ProcessHandle> children(Path root) {
        Map<Component, ProcessHandle> out = new EnumMap<>(Component.class);
        ProcessHandle.current().children().forEach(p -> component(root, p).ifPresent(c -> out.put(c, p)));
        return out;
    }

    private static Optional<Component> component(Path root, ProcessHandle p) {
        List<String> args = List.of(p.info().arguments().orElse(new String[0]));
        for (Component c : Component.values()) {
            if (args.contains(c.jar(root).toString())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Resident memory in MiB ({@code VmRSS}); empty off Linux or once the process is gone. */
    public static Optional<Double> rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Optional.of(Long.parseLong(kb) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return Optional.empty();
    }

    /** Each component's time from its process appearing to its readiness endpoint answering 200. */
    public static final class Startup {
        private final Path root;
        private final Map<Component, Instant> seen = new ConcurrentHashMap<>();
        private final Map<Component, Duration> ready = new ConcurrentHashMap<>();
        private volatile boolean stopped;
        private final Thread thread;

        private Startup(Path root) {
            this.root = root;
            this.thread = new Thread(this::watch, "startup-watch");
            thread.setDaemon(true);
        }

        /** Ready time per component (devstack and the services), in start order. */
        public Map<Component, Duration> ready() {
            Map<Component, Duration> out = new EnumMap<>(Component.class);
            out.putAll(ready);
            return out;
        }

        /** Stops watching, once every component seen is ready (a second at most: the launcher already saw it). */
        void stop() {
            Instant deadline = Instant.now().plusSeconds(1);
            while (ready.size() < seen.size() && Instant.now().isBefore(deadline)) {
                sleep(Duration.ofMillis(5));
            }
            stopped = true;
            thread.interrupt();
        }

        private void watch() {
            while (!stopped) {
                ProcessHandle.current()
                        .children()
                        .forEach(p -> component(root, p).ifPresent(c -> {
                            if (seen.putIfAbsent(c, Instant.now()) == null) {
                                Thread probe = new Thread(() -> probe(c, p), "startup-" + c.displayName());
                                probe.setDaemon(true);
                                probe.start();
                            }
                        }));
                LockSupport.parkNanos(POLL.toNanos());
            }
        }

        private void probe(Component c, ProcessHandle p) {
            String port = port(c, p);
            if (port == null) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.readyPath()))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            while (!stopped && p.isAlive()) {
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        ready.put(c, Duration.between(seen.get(c), Instant.now()));
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    return;
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        }

        private static String port(Component c, ProcessHandle p) {
            List<String> args = List.of(p.info().arguments().orElse(new String[0]));
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).startsWith("-Dquarkus.http.port=")) {
                    return args.get(i).substring("-Dquarkus.http.port=".length());
                }
                if (c == Component.DEVSTACK && args.get(i).equals("--port") && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
            }
            return null;
        }
    }

    /** Starts watching this JVM's children for the system {@code root}'s jars; stop it once the system is up. */
    public static Startup watchStartup(Path root) {
        Startup s = new Startup(root);
        s.thread.start();
        return s;
    }

    static void sleep(Duration d) {
        try {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
