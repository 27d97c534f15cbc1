package dev.drsorchestrator.plan.adapter.in.rest;

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

/** The body of {@code POST /recovery-plans} and {@code PUT /recovery-plans/{id}}. */
@Schema(name = "RecoveryPlanRequest")
public record PlanRequest(
        @Schema(description = "Unique, ignoring case", examples = "web-shop")
        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name,

        @Size(max = 2048) String description,

        @Schema(description = "Recovery time objective: the longest the whole recovery may take")
        @PositiveOrZero(message = "must be 0 or more seconds")
        Integer rtoSeconds,

        @Schema(description = "Recovery point objective: servers lagging more than this are not ready")
        @PositiveOrZero(message = "must be 0 or more seconds")
        Integer rpoSeconds,

        @Schema(description = "Minutes after a drill ends before its instances are terminated (default 120)")
        @Positive
        @Max(value = 43200, message = "must be at most 43200 minutes (30 days)")
        Integer drillTtlMinutes,

        @Schema(description = "Terminate drill instances after drillTtlMinutes (default true)")
        Boolean autoCleanup,

        @Schema(description = "SNS topic for this plan's notifications (default: the notifier's topic)")
        @Pattern(
                regexp = "arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?",
                message = "must be an SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:web-shop-dr")
        String notificationTopicArn,

        @Schema(
                description = "Per execution type, how many people other than the requester must approve an execution"
                        + " before its first wave (0-5; a RECOVERY or FAILBACK at least 1). Types left out keep the"
                        + " defaults DRILL 0, RECOVERY 1, REPROTECT 0, FAILBACK 1",
                examples = "{\"DRILL\":0,\"RECOVERY\":2}")
        Map<String, Integer> requiredApprovals,

        @NotNull @Size(min = 1, max = 50, message = "a plan needs between 1 and 50 waves")
        List<@NotNull @Valid WaveRequest> waves,

        @Schema(
                description = "How the plan returns to its origin (REPROTECT, FAILBACK): the wave order and what a"
                        + " FAILBACK does afterwards. Default: the dependencies reversed, restoreDirection and"
                        + " terminateRecoveryInstances true")
        @Valid
        FailbackRequest failback,

        @Schema(
                description = "Where the plan's drills launch, at most one per account and Region (optional). Left"
                        + " out for an account and Region: its drills launch with the servers' production launch"
                        + " settings")
        @Size(max = 50)
        List<@NotNull @Valid DrillNetworkBody> drillNetworks,

        @Schema(description = "On PUT: the version you read (or send If-Match)") @PositiveOrZero
        Long version) {}
