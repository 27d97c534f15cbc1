package dev.drsorchestrator.notifier.domain;

import java.util.List;

/** A subscription request that cannot be made; each problem names its field. */
public final class InvalidSubscription extends RuntimeException {

    public record Problem(String field, String reason) {}

    private final List<Problem> problems;

    public InvalidSubscription(List<Problem> problems) {
        super("invalid subscription: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
