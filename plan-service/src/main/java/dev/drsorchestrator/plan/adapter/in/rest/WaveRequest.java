package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One wave of a plan request. */
@Schema(name = "WaveRequest")
public record WaveRequest(
        @Schema(
                description = "Unique in the plan; other waves' dependsOn name it. Default: the name in lower case"
                        + " with '-' for spaces",
                examples = "db-tier")
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
                message = "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit")
        String id,

        @Schema(examples = "Database tier") @NotBlank @Size(max = 128)
        String name,

        @Schema(description = "Runs after every wave of a lower order; give order or dependsOn") @PositiveOrZero
        Integer order,

        @Schema(description = "Runs after exactly these waves (their ids); give order or dependsOn") @Size(max = 50)
        List<@NotNull String> dependsOn,

        @NotNull @Size(min = 1, max = 100, message = "a wave needs between 1 and 100 protection groups")
        List<
                        @NotNull
                        @Pattern(
                                regexp = "pg-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                                message = "must be a protection group id: pg- and a UUID")
                        String>
                protectionGroupIds,

        @Schema(description = "What a failed wave does to the execution (default FAIL_FAST)")
        FailurePolicy failurePolicy,

        @Schema(description = "Per-server criticality; servers not listed are CRITICAL") @Size(max = 5000)
        Map<
                        @Pattern(
                                regexp = "s-[0-9a-f]{17}",
                                message = "must be a DRS source server id: s- and 17 lower-case hex digits")
                        String,
                        @NotNull Criticality>
                criticality,

        @Schema(description = "Hold the wave for an operator's approval before it starts")
        Boolean approvalRequired,

        @Schema(description = "Boot delay after the wave before dependent waves start (default 0)")
        @PositiveOrZero
        @Max(value = 86400, message = "must be at most 86400 seconds (one day)")
        Integer waitAfterSeconds,

        @Schema(description = "The wave fails if it has not finished in this time (default 120)")
        @Positive
        @Max(value = 10080, message = "must be at most 10080 minutes (one week)")
        Integer timeoutMinutes,

        @Size(max = 20) List<@NotNull @Valid ActionRequest> preActions,
        @Size(max = 20) List<@NotNull @Valid ActionRequest> postActions) {}
