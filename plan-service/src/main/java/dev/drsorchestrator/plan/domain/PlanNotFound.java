package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.PlanId;

/** No plan has this id (or it was deleted). */
public class PlanNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanNotFound(PlanId id) {
        super(id.value());
    }

    public PlanNotFound(String id) {
        super(id);
    }

    public String id() {
        return getMessage();
    }
}
