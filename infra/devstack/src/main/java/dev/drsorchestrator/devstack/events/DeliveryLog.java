package dev.drsorchestrator.devstack.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last deliveries that failed (AWS would count them in a FailedInvocations metric and, with a DLQ, keep them),
 * readable through the admin API so a missing message can be explained.
 */
public final class DeliveryLog {
    private static final int KEEP = 1000;

    public record Failure(Instant at, String source, String targetArn, String reason, String payload) {}

    private final Deque<Failure> failures = new ArrayDeque<>();

    public synchronized void failed(Instant at, String source, String targetArn, String reason, String payload) {
        if (failures.size() == KEEP) {
            failures.removeFirst();
        }
        failures.addLast(new Failure(at, source, targetArn, reason, payload));
    }

    public synchronized List<Failure> failures() {
        return new ArrayList<>(failures);
    }

    public synchronized void clear() {
        failures.clear();
    }
}
