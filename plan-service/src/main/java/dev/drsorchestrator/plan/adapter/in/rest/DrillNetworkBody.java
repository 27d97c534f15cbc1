package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan's drill network for one account and Region, in a plan request and in the plan's view. */
@Schema(
        name = "DrillNetwork",
        description = "Where the plan's drills launch the servers of one account and Region: a subnet isolated from"
                + " production and its security groups. drs-adapter switches each server's launch template to it for"
                + " the drill's launch only and restores production afterwards; recoveries never use it")
public record DrillNetworkBody(
        @Schema(examples = "111111111111")
        @NotNull
        @Pattern(regexp = "[0-9]{12}", message = "must be a 12-digit AWS account id such as 111111111111")
        String accountId,

        @Schema(examples = "us-east-1")
        @NotNull
        @Pattern(
                regexp = "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}",
                message = "must be an AWS Region such as us-east-1")
        String region,

        @Schema(
                description = "A subnet of that account and Region's network (as drs-adapter synced it), not one the"
                        + " plan's servers launch into in production",
                examples = "subnet-0f9e8d7c6b5a40001")
        @NotBlank
        @Size(max = 64)
        String subnetId,

        @Schema(description = "At least one; each in the subnet's VPC", examples = "[\"sg-0f9e8d7c6b5a40001\"]")
        @Size(max = 5, message = "at most 5 security groups")
        List<@NotBlank @Size(max = 64) String> securityGroupIds) {

    /** The checked request as the plan keeps it. */
    DrillNetwork toDomain() {
        return new DrillNetwork(
                AccountId.of(accountId),
                Require.region(region, "region"),
                subnetId.strip(),
                securityGroupIds == null
                        ? List.of()
                        : securityGroupIds.stream().map(String::strip).toList());
    }

    static DrillNetworkBody of(DrillNetwork network) {
        return new DrillNetworkBody(
                network.accountId().value(), network.region(), network.subnetId(), network.securityGroupIds());
    }
}
