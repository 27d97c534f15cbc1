package dev.drsorchestrator.plan.domain;

import java.util.Map;

/**
 * A valid request that the plan's current state refuses: a stale version, a name another plan has, an execution
 * still running. {@code kind} is stable (it becomes the problem type); {@code details} are extra facts for the caller.
 */
public class PlanConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String title;
    private final transient Map<String, Object> details;

    public PlanConflict(String kind, String title, String detail, Map<String, Object> details) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.details = Map.copyOf(details);
    }

    public static PlanConflict staleVersion(String what, long sent, long current) {
        return new PlanConflict(
                "stale-version",
                "The " + what + " changed since you read it",
                "You sent version " + sent + " but the " + what + " is at version " + current
                        + "; read it again, re-apply your change and send the new version",
                Map.of("currentVersion", current));
    }

    public static PlanConflict nameTaken(String name) {
        return new PlanConflict(
                "name-taken",
                "The plan name is taken",
                "Another recovery plan is already called '" + name + "' (names ignore case); choose another name",
                Map.of());
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> details() {
        return details;
    }
}
