package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.domain.LaunchProblem;
import dev.drsorchestrator.catalog.domain.LaunchSettingsDraft;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchDisposition;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a launch-settings body into a draft, noting every problem of its form (an unknown enum value, a malformed id,
 * a blank value) with the field's path; the checks against the group, the network and the other groups follow in
 * the application, and all problems are answered together.
 */
final class LaunchSettingsRequests {

    private static final Pattern SERVER_ID = Pattern.compile("s-[0-9a-f]{17}");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final int MAX_TAGS = 50;

    private LaunchSettingsRequests() {}

    static LaunchSettingsDraft toDraft(LaunchSettingsRequest request) {
        List<LaunchProblem> problems = new ArrayList<>();
        if (request == null) {
            return new LaunchSettingsDraft(LaunchSettings.UNMANAGED, List.of(), problems);
        }
        LaunchSettings group = settings(request.group(), "group", problems);
        List<LaunchSettingsDraft.Entry> entries = new ArrayList<>();
        List<LaunchSettingsRequest.Server> servers = request.servers() == null ? List.of() : request.servers();
        for (int i = 0; i < servers.size(); i++) {
            String path = "servers[" + i + "]";
            LaunchSettingsRequest.Server server = servers.get(i);
            if (server == null) {
                problems.add(new LaunchProblem(path, "must be an object with sourceServerId and settings"));
                continue;
            }
            SourceServerId id = null;
            if (server.sourceServerId() == null) {
                problems.add(new LaunchProblem(path + ".sourceServerId", "is required"));
            } else if (!SERVER_ID.matcher(server.sourceServerId()).matches()) {
                problems.add(new LaunchProblem(
                        path + ".sourceServerId",
                        "'" + server.sourceServerId() + "' is not a DRS source server id: s- and 17 lower-case hex"
                                + " digits"));
            } else {
                id = SourceServerId.of(server.sourceServerId());
            }
            if (server.settings() == null) {
                problems.add(new LaunchProblem(
                        path + ".settings",
                        "is required; leave the server out to launch it with the group's settings"));
            }
            entries.add(
                    new LaunchSettingsDraft.Entry(i, id, settings(server.settings(), path + ".settings", problems)));
        }
        return new LaunchSettingsDraft(group, entries, problems);
    }

    private static LaunchSettings settings(
            LaunchSettingsRequest.Settings s, String path, List<LaunchProblem> problems) {
        if (s == null) {
            return LaunchSettings.UNMANAGED;
        }
        return new LaunchSettings(
                configuration(s.configuration(), path + ".configuration", problems),
                template(s.template(), path + ".template", problems));
    }

    private static LaunchConfiguration configuration(
            LaunchSettingsRequest.Configuration c, String path, List<LaunchProblem> problems) {
        if (c == null) {
            return LaunchConfiguration.UNMANAGED;
        }
        return new LaunchConfiguration(
                c.copyPrivateIp(),
                c.copyTags(),
                value(LaunchDisposition.class, c.launchDisposition(), path + ".launchDisposition", problems),
                c.osByol(),
                value(
                        RightSizingMethod.class,
                        c.targetInstanceTypeRightSizingMethod(),
                        path + ".targetInstanceTypeRightSizingMethod",
                        problems),
                c.postLaunchEnabled());
    }

    private static LaunchTemplateSettings template(
            LaunchSettingsRequest.Template t, String path, List<LaunchProblem> problems) {
        if (t == null) {
            return LaunchTemplateSettings.UNMANAGED;
        }
        notBlank(t.instanceType(), path + ".instanceType", problems);
        notBlank(t.privateIp(), path + ".privateIp", problems);
        if (t.subnetId() != null && !SUBNET_ID.matcher(t.subnetId()).matches()) {
            problems.add(new LaunchProblem(
                    path + ".subnetId", "'" + t.subnetId() + "' is not a subnet id such as subnet-0123456789abcdef0"));
        }
        List<String> groups = null;
        if (t.securityGroupIds() != null) {
            groups = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < t.securityGroupIds().size(); k++) {
                String sg = t.securityGroupIds().get(k);
                String field = path + ".securityGroupIds[" + k + "]";
                if (sg == null || !SECURITY_GROUP_ID.matcher(sg).matches()) {
                    problems.add(new LaunchProblem(
                            field, "'" + sg + "' is not a security group id such as sg-0123456789abcdef0"));
                } else if (!seen.add(sg)) {
                    problems.add(new LaunchProblem(field, "'" + sg + "' is listed twice"));
                } else {
                    groups.add(sg);
                }
            }
        }
        Map<String, String> tags = null;
        if (t.tags() != null) {
            tags = new LinkedHashMap<>();
            if (t.tags().size() > MAX_TAGS) {
                problems.add(new LaunchProblem(
                        path + ".tags", "has " + t.tags().size() + " tags; EC2 allows " + MAX_TAGS + " a resource"));
            }
            for (Map.Entry<String, String> tag : t.tags().entrySet()) {
                String field = path + ".tags." + tag.getKey();
                if (tag.getKey().isBlank() || tag.getKey().length() > 128) {
                    problems.add(new LaunchProblem(field, "a tag key has 1 to 128 characters"));
                } else if (tag.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                    problems.add(new LaunchProblem(field, "tag keys starting with aws: are reserved by AWS"));
                } else if (tag.getValue() == null || tag.getValue().length() > 256) {
                    problems.add(new LaunchProblem(field, "a tag value has 0 to 256 characters"));
                } else {
                    tags.put(tag.getKey(), tag.getValue());
                }
            }
        }
        return new LaunchTemplateSettings(
                blankToNull(t.instanceType()), t.subnetId(), groups, blankToNull(t.privateIp()), tags);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String field, List<LaunchProblem> problems) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problems.add(new LaunchProblem(
                field,
                "'" + text + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    private static void notBlank(String value, String field, List<LaunchProblem> problems) {
        if (value != null && value.isBlank()) {
            problems.add(new LaunchProblem(field, "must not be blank; leave it out to keep the template's value"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
