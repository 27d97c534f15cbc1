package dev.drsorchestrator.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: requests sent at a fixed rate whatever the answers do, round robin over a list of GETs, each
 * latency measured from the moment the request was <em>scheduled</em> (not sent), so that a slow answer delays no
 * later request's measurement (no coordinated omission).
 */
public final class OpenLoop {

    /** One kind of request. */
    public record Op(String name, String url) {}

    /**
     * Per operation: every latency (ms), how many answers were not 2xx (or failed) and the bytes of the answers; and
     * the answers per second over the run (from the first scheduled request to the last answer).
     */
    public record Outcome(
            Map<String, List<Double>> latencies,
            Map<String, Integer> failures,
            Map<String, Long> bytes,
            double answeredPerSecond) {}

    private OpenLoop() {}

    public static Outcome run(List<Op> ops, String token, int perSecond, Duration duration) {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        Map<String, List<Double>> latencies = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        ops.forEach(o -> {
            latencies.put(o.name(), new ArrayList<>());
            failures.put(o.name(), 0);
            bytes.put(o.name(), 0L);
        });
        List<HttpRequest> requests = ops.stream()
                .map(o -> HttpRequest.newBuilder(URI.create(o.url()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build())
                .toList();
        long period = 1_000_000_000L / perSecond;
        long total = duration.toSeconds() * perSecond;
        long start = System.nanoTime() + 50_000_000L;
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        try {
            for (long i = 0; i < total; i++) {
                long scheduled = start + i * period;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int k = (int) (i % ops.size());
                String name = ops.get(k).name();
                inFlight.add(http.sendAsync(requests.get(k), HttpResponse.BodyHandlers.ofByteArray())
                        .handle((response, error) -> {
                            double ms = (System.nanoTime() - scheduled) / 1_000_000.0;
                            synchronized (latencies) {
                                latencies.get(name).add(ms);
                                if (error != null || response.statusCode() / 100 != 2) {
                                    failures.merge(name, 1, Integer::sum);
                                } else {
                                    bytes.merge(name, (long) response.body().length, Long::sum);
                                }
                            }
                            return null;
                        }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the reads did not finish: " + e, e);
        } finally {
            executor.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(latencies, failures, bytes, total / seconds);
    }
}
