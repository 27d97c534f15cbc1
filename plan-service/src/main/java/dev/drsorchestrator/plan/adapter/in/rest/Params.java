package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.plan.domain.PlanNotFound;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Path and query parameters, checked so that a malformed id is a 404 naming it, a bad query value a 400. */
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

    /** An optional execution type; anything else is a 400 naming {@code type}. */
    static ExecutionType executionType(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Arrays.stream(ExecutionType.values())
                .filter(t -> t.name().equals(value))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(
                        "type",
                        "unknown execution type '" + value + "'; the types are "
                                + Arrays.stream(ExecutionType.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
    }
}
