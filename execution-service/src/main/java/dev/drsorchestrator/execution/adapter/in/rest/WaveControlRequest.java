package dev.drsorchestrator.execution.adapter.in.rest;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of a control on one wave; {@code reason} is required to skip. */
public record WaveControlRequest(
        @Nullable @Size(max = 1000, message = "must be at most 1000 characters")
        String reason) {}
