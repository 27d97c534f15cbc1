package dev.drsorchestrator.plan.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.model.ActionType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A wave action; which fields it needs depends on {@code type}. */
@Schema(name = "WaveActionRequest")
public record ActionRequest(
        @Schema(description = "Unique in the wave (default pre-1, post-2, ...)")
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
                message = "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit")
        String actionId,

        @NotNull ActionType type,
        @Size(max = 128) String name,

        @Schema(description = "Report a failure and go on (default false)")
        Boolean continueOnFailure,

        @Schema(description = "SSM_DOCUMENT, LAMBDA, HTTP_CHECK: longest it may take (default 600)")
        @Positive
        @Max(value = 86400, message = "must be at most 86400 seconds (one day)")
        Integer timeoutSeconds,

        @Schema(description = "SSM_DOCUMENT", examples = "AWS-RunShellScript")
        String documentName,

        @Schema(description = "SSM_DOCUMENT") Map<String, List<String>> parameters,

        @Schema(description = "LAMBDA", examples = "arn:aws:lambda:us-east-1:111122223333:function:warm-cache")
        String functionArn,

        @Schema(description = "LAMBDA: passed with the execution context")
        JsonNode payload,

        @Schema(description = "HTTP_CHECK", examples = "https://shop.example.com/health")
        String url,

        @Schema(description = "HTTP_CHECK (default 200)") Integer expectedStatus,

        @Schema(description = "HTTP_CHECK: seconds between tries (default 10)")
        Integer intervalSeconds,

        @Schema(description = "MANUAL_APPROVAL: what the operator should check") @Size(max = 2048)
        String message) {}
