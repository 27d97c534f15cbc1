package dev.drsorchestrator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Executions as an operator runs them: a DRILL requested by the drill-operator ({@code POST
 * /recovery-plans/{id}/executions}), then read by the viewer until it ended.
 */
public final class Executions {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED");
    private static final Duration POLL = Duration.ofMillis(500);

    private final Harness h;

    public Executions(Harness h) {
        this.h = h;
    }

    /** A requested execution: its id, when the request was sent and when it was answered (202). */
    public record Requested(String id, String planId, Instant sent, Instant answered) {}

    /**
     * An ended execution: when it was requested, when execution-service says it ended ({@code endedAt}), when a GET
     * first showed it ended (polled every 0.5 s), and the execution as it was then.
     */
    public record Ended(Requested request, String status, Instant endedAt, Instant seen, JsonNode execution) {

        public boolean completed() {
            return status.equals("COMPLETED");
        }

        /** POST → endedAt. */
        public Duration wall() {
            return Duration.between(request.sent(), endedAt);
        }
    }

    /** Requests a DRILL of the plan. */
    public Requested drill(String planId) {
        Instant sent = Instant.now();
        String id = h.estate.execute(planId, "DRILL", "benchmark");
        return new Requested(id, planId, sent, Instant.now());
    }

    /** Requests a DRILL of each plan, each from its own thread, all released at the same moment; in plan order. */
    public List<Requested> drillTogether(List<String> planIds) {
        // The token first, so that no request waits for a sign-in.
        h.users.token("drill-operator");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(planIds.size());
        try {
            List<Future<Requested>> futures = new ArrayList<>();
            for (String planId : planIds) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return drill(planId);
                }));
            }
            go.countDown();
            List<Requested> out = new ArrayList<>();
            for (Future<Requested> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("a request failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public Ended await(Requested r, Duration timeout) {
        return awaitAll(Set.of(r), timeout).get(r.id());
    }

    /**
     * Waits until every one ended, reading the newest executions once every half second (one list call, whatever
     * their number), then each one's detail once.
     *
     * @throws IllegalStateException after {@code timeout}, naming how many had not ended
     */
    public Map<String, Ended> awaitAll(Collection<Requested> requests, Duration timeout) {
        Map<String, Requested> pending = new HashMap<>();
        requests.forEach(r -> pending.put(r.id(), r));
        Map<String, Ended> out = new HashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (!pending.isEmpty()) {
            Instant seen = Instant.now();
            JsonNode page = h.users
                    .rest("viewer")
                    .get(h.url(Component.EXECUTION, "/executions?limit=500"))
                    .expect(200)
                    .json();
            Set<String> ended = new HashSet<>();
            page.path("items").forEach(e -> {
                String id = e.path("executionId").asText();
                if (pending.containsKey(id) && ENDED.contains(e.path("status").asText())) {
                    ended.add(id);
                }
            });
            for (String id : ended) {
                JsonNode e = h.users
                        .rest("viewer")
                        .get(h.url(Component.EXECUTION, "/executions/" + id))
                        .expect(200)
                        .json();
                Instant endedAt = DrsLog.time(e.path("endedAt").asText());
                out.put(id, new Ended(pending.remove(id), e.path("status").asText(), endedAt, seen, e));
            }
            if (pending.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(pending.size() + " of " + requests.size()
                        + " executions had not ended after " + timeout.toSeconds() + " s (see the logs in "
                        + h.system.logs() + ")");
            }
            sleep(POLL);
        }
        return out;
    }

    static void sleep(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
