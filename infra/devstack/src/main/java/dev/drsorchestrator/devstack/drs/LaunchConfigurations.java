package dev.drsorchestrator.devstack.drs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.drs.DrsModel.SourceServer;
import dev.drsorchestrator.devstack.ec2.Ec2;
import dev.drsorchestrator.devstack.ec2.LaunchTemplates.NetworkInterface;
import dev.drsorchestrator.devstack.ec2.LaunchTemplates.TemplateData;
import dev.drsorchestrator.devstack.http.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each source server's launch settings, as DRS keeps them: an EC2 launch template of its own ({@code drs-<id>}, made
 * with the server in the account and Region it is recovered in) and the launch configuration that
 * GetLaunchConfiguration and UpdateLaunchConfiguration read and change.
 */
final class LaunchConfigurations {
    static final Set<String> DISPOSITIONS = Set.of("STOPPED", "STARTED");
    static final Set<String> RIGHT_SIZING = Set.of("NONE", "BASIC", "IN_AWS");

    /** A server's launch configuration (guarded by the {@link LaunchConfigurations} lock). */
    static final class Config {
        final String account;
        final String region;
        final String templateId;
        String name;
        String launchDisposition = "STARTED";
        String rightSizing = "BASIC";
        boolean copyPrivateIp;
        boolean copyTags;
        boolean osByol;
        boolean postLaunchEnabled;

        Config(String account, String region, String templateId, String name) {
            this.account = account;
            this.region = region;
            this.templateId = templateId;
            this.name = name;
        }

        Config copy() {
            Config c = new Config(account, region, templateId, name);
            c.launchDisposition = launchDisposition;
            c.rightSizing = rightSizing;
            c.copyPrivateIp = copyPrivateIp;
            c.copyTags = copyTags;
            c.osByol = osByol;
            c.postLaunchEnabled = postLaunchEnabled;
            return c;
        }

        ObjectNode json(String serverId) {
            ObjectNode o = Json.object()
                    .put("sourceServerID", serverId)
                    .put("name", name)
                    .put("ec2LaunchTemplateID", templateId)
                    .put("launchDisposition", launchDisposition)
                    .put("targetInstanceTypeRightSizingMethod", rightSizing)
                    .put("copyPrivateIp", copyPrivateIp)
                    .put("copyTags", copyTags);
            o.putObject("licensing").put("osByol", osByol);
            o.put("postLaunchEnabled", postLaunchEnabled);
            return o;
        }
    }

    private final Ec2 ec2;
    // guarded by this
    private final Map<String, Config> configs = new HashMap<>();

    LaunchConfigurations(Ec2 ec2) {
        this.ec2 = ec2;
    }

    /**
     * DRS's launch template for a new server: version 1 (the default) launches a t3.small with network interface 0 in
     * subnet {@code production-a} and security group {@code production-web}, no private IP.
     */
    static TemplateData defaultTemplate(String account, String region) {
        Ec2.SeededNetwork net = Ec2.seededNetwork(account, region);
        return new TemplateData(
                "t3.small",
                List.of(new NetworkInterface(
                        0, net.productionSubnetA(), List.of(net.productionWebGroup()), null, false)),
                null,
                null);
    }

    /** The server's configuration, made (with its launch template) when it has none in its account and Region. */
    synchronized Config ensure(SourceServer s) {
        Config c = configs.get(s.id);
        if (c == null || !c.account.equals(s.account) || !c.region.equals(s.region)) {
            String template =
                    ec2.launchTemplate(s.account, s.region, "drs-" + s.id, defaultTemplate(s.account, s.region));
            c = new Config(s.account, s.region, template, s.hostname);
            configs.put(s.id, c);
        }
        return c;
    }

    /** A copy of the server's configuration as it is now. */
    synchronized Config of(SourceServer s) {
        return ensure(s).copy();
    }

    synchronized ObjectNode get(SourceServer s) {
        return ensure(s).json(s.id);
    }

    /** Applies the members given (all checked first: a bad one changes nothing) and answers the whole configuration. */
    synchronized ObjectNode update(SourceServer s, JsonNode in) {
        String disposition = choice(in, "launchDisposition", DISPOSITIONS);
        String rightSizing = choice(in, "targetInstanceTypeRightSizingMethod", RIGHT_SIZING);
        Boolean copyPrivateIp = bool(in, "copyPrivateIp");
        Boolean copyTags = bool(in, "copyTags");
        Boolean postLaunch = bool(in, "postLaunchEnabled");
        Boolean osByol = in.has("licensing") ? bool(in.get("licensing"), "osByol") : null;
        String name = Json.text(in, "name");
        if (name != null && (name.isEmpty() || name.length() > 256)) {
            throw DrsSimulator.fieldError("name", "name must be 1 to 256 characters");
        }
        Config c = ensure(s);
        if (disposition != null) {
            c.launchDisposition = disposition;
        }
        if (rightSizing != null) {
            c.rightSizing = rightSizing;
        }
        if (copyPrivateIp != null) {
            c.copyPrivateIp = copyPrivateIp;
        }
        if (copyTags != null) {
            c.copyTags = copyTags;
        }
        if (postLaunch != null) {
            c.postLaunchEnabled = postLaunch;
        }
        if (osByol != null) {
            c.osByol = osByol;
        }
        if (name != null) {
            c.name = name;
        }
        return c.json(s.id);
    }

    synchronized void clear() {
        configs.clear();
    }

    private static String choice(JsonNode in, String field, Set<String> allowed) {
        String v = Json.text(in, field);
        if (v != null && !allowed.contains(v)) {
            throw DrsSimulator.fieldError(
                    field,
                    "Value '" + v + "' at '" + field + "' failed to satisfy constraint: Member must satisfy enum value"
                            + " set: " + allowed.stream().sorted().toList());
        }
        return v;
    }

    private static Boolean bool(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw DrsSimulator.fieldError(field, field + " must be true or false, got " + v);
        }
        return v.asBoolean();
    }
}
