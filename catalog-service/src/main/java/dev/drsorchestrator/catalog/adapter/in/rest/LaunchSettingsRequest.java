package dev.drsorchestrator.catalog.adapter.in.rest;

import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /protection-groups/{id}/launch-settings}. Every part is optional; an absent field is left as
 * DRS or the launch template has it. Enum values are read as text so that a wrong one is reported with every other
 * problem of the request.
 */
@Schema(name = "LaunchSettingsRequest")
public record LaunchSettingsRequest(
        @Schema(
                description =
                        "The group's settings: every member launches with them unless its entry overrides a field")
        Settings group,

        @Schema(
                description = "Per-server overrides, field by field (a list or map replaces the group's whole one);"
                        + " each server a member of the group, listed once")
        List<Server> servers,

        @Schema(description = "The group's version you read (or send If-Match)") @PositiveOrZero
        Long version) {

    @Schema(name = "LaunchSettingsRequestSettings")
    public record Settings(Configuration configuration, Template template) {}

    /** DRS's launch configuration. */
    @Schema(name = "LaunchSettingsRequestConfiguration")
    public record Configuration(
            Boolean copyPrivateIp,
            Boolean copyTags,
            @Schema(enumeration = {"STOPPED", "STARTED"}) String launchDisposition,

            @Schema(description = "Bring your own OS licence")
            Boolean osByol,

            @Schema(
                    enumeration = {"NONE", "BASIC", "IN_AWS"},
                    description = "NONE to launch the template's instanceType; BASIC and IN_AWS let DRS pick")
            String targetInstanceTypeRightSizingMethod,

            Boolean postLaunchEnabled) {}

    /** The server's EC2 launch template. */
    @Schema(name = "LaunchSettingsRequestTemplate")
    public record Template(
            @Schema(examples = "m5.large") String instanceType,
            @Schema(examples = "subnet-0123456789abcdef0") String subnetId,
            List<String> securityGroupIds,

            @Schema(description = "A static private IPv4 address in the subnet; servers only", examples = "10.0.1.25")
            String privateIp,

            Map<String, String> tags) {}

    @Schema(name = "LaunchSettingsRequestServer")
    public record Server(
            @Schema(examples = "s-0123456789abcdef0") String sourceServerId, Settings settings) {}
}
