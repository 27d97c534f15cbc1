package dev.drsorchestrator.plan.adapter.in.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code failback} object of a plan request: how the plan returns to its origin. */
@Schema(name = "FailbackSettings")
public record FailbackRequest(
        @Schema(
                description = "The wave ids in the order they return (each waits for the one before it); each of the"
                        + " plan's waves exactly once. Default: the plan's dependencies reversed",
                examples = "[\"web\",\"app\",\"db\"]")
        @Size(max = 50)
        List<@NotNull String> waveOrder,

        @Schema(description = "FAILBACK: protect the origin again in the original direction afterwards (default true)")
        Boolean restoreDirection,

        @Schema(
                description = "FAILBACK: terminate the recovery instances once an operator confirms it after the"
                        + " failback (default true)")
        Boolean terminateRecoveryInstances) {}
