package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.plan.domain.PlanNotFound;

/** Path parameters, checked so that a malformed id is a 404 naming it. */
final class Params {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Params() {}

    static PlanId planId(String value) {
        if (value == null || !PlanId.PATTERN.matcher(value).matches()) {
            throw new PlanNotFound(String.valueOf(value));
        }
        return PlanId.of(value);
    }
}
