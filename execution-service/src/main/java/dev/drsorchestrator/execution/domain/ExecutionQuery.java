package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.TriggerType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Which executions to list, newest request first; every filter is optional. */
public record ExecutionQuery(
        @Nullable PlanId planId,
        @Nullable ExecutionStatus status,
        @Nullable ExecutionType type,
        @Nullable TriggerType trigger,
        @Nullable Instant from,
        @Nullable Instant to,
        int limit,
        @Nullable String cursor) {}
