package dev.drsorchestrator.plan.domain;

import java.util.List;

/** The plan cannot be run as it stands now: each reason says what to fix (preflight shows the same). */
public class PlanCannotRun extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> reasons;

    public PlanCannotRun(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
