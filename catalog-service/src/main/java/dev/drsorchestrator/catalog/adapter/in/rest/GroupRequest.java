package dev.drsorchestrator.catalog.adapter.in.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /protection-groups} and {@code PUT /protection-groups/{id}}. */
@Schema(name = "ProtectionGroupRequest")
public record GroupRequest(
        @Schema(description = "Unique per account and region, ignoring case", examples = "shop-db")
        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name,

        @Size(max = 1024) String description,

        @Schema(examples = "111122223333") @NotNull @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits")
        String accountId,

        @Schema(description = "An AWS region name", examples = "us-east-1") @NotNull
        String region,

        @Size(max = 256) String owner,

        @Schema(description = "Source servers listed by id; with tagSelector, either or both") @Size(max = 5000)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "s-[0-9a-f]{17}",
                                message = "must be a DRS source server id: s- and 17 lower-case hex digits")
                        String>
                sourceServerIds,

        @Schema(
                description = "Servers whose DRS tags match: every key, any of its values",
                examples = "{\"Tier\": [\"db\"], \"App\": [\"shop\"]}")
        @Size(max = 50)
        Map<
                        @NotBlank @Size(max = 128) String,
                        @NotNull @Size(min = 1, max = 100, message = "must list between 1 and 100 values") List<
                                @NotBlank @Size(max = 256) String>>
                tagSelector,

        @Schema(description = "On PUT: the version you read (or send If-Match)") @PositiveOrZero
        Long version) {}
