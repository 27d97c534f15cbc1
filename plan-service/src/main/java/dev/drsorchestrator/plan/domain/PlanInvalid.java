package dev.drsorchestrator.plan.domain;

import java.util.List;

/** A definition the rules refuse; every violation names its field. */
public class PlanInvalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public PlanInvalid(List<Violation> violations) {
        super(
                violations.size() == 1
                        ? violations.get(0).field() + ": " + violations.get(0).reason()
                        : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public PlanInvalid(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
