package dev.drsorchestrator.execution.adapter.in.rest;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of a control on an execution (all fields optional unless the control says otherwise).
 *
 * @param reason why, kept in the timeline and the report; required to cancel, pause or skip
 * @param waveId for {@code approve}: which wave, when several await approval
 */
public record ControlRequest(
        @Nullable @Size(max = 1000, message = "must be at most 1000 characters")
        String reason,

        @Nullable @Size(max = 64, message = "must be at most 64 characters")
        String waveId) {}
