package dev.drsorchestrator.devstack.ec2;

import static dev.drsorchestrator.devstack.ec2.Ec2Model.error;

import dev.drsorchestrator.devstack.ec2.Ec2Model.RegionState;
import dev.drsorchestrator.devstack.ec2.Ec2Model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Launch templates and their numbered versions: CreateLaunchTemplate, CreateLaunchTemplateVersion (a
 * {@code SourceVersion}'s data, overridden member by member by what {@code LaunchTemplateData} gives, as EC2
 * documents), ModifyLaunchTemplate ({@code SetDefaultVersion}), DescribeLaunchTemplates and
 * DescribeLaunchTemplateVersions ({@code $Default}, {@code $Latest}, numbers, or all). EC2 does not check the subnet
 * and security groups a version names; a launch does.
 */
public final class LaunchTemplates {
    private static final String NAME = "[a-zA-Z0-9().\\-/_]{3,128}";

    private LaunchTemplates() {}

    /** A network interface of a launch template: device 0 decides the subnet, groups and private IP of a launch. */
    public record NetworkInterface(
            @Nullable Integer deviceIndex,
            @Nullable String subnetId,
            List<String> groupIds,
            @Nullable String privateIpAddress,
            @Nullable Boolean associatePublicIpAddress) {
        public NetworkInterface {
            groupIds = List.copyOf(groupIds);
        }

        static NetworkInterface read(Params p) {
            return new NetworkInterface(
                    p.integer("DeviceIndex"),
                    p.get("SubnetId"),
                    p.list("SecurityGroupId"),
                    p.get("PrivateIpAddress"),
                    p.bool("AssociatePublicIpAddress"));
        }
    }

    /**
     * The data of a version. A null member is one the version does not set (so a version made from a
     * {@code SourceVersion} takes the source's). {@code tagSpecifications}: resource type ({@code instance} …) to tags.
     */
    public record TemplateData(
            @Nullable String instanceType,
            @Nullable List<NetworkInterface> networkInterfaces,
            @Nullable List<String> securityGroupIds,
            @Nullable Map<String, Map<String, String>> tagSpecifications) {

        static TemplateData read(Params p) {
            List<NetworkInterface> nics = p.structures("NetworkInterface", NetworkInterface::read);
            List<String> groups = p.list("SecurityGroupId");
            Map<String, Map<String, String>> specs = new LinkedHashMap<>();
            for (Params spec : p.structures("TagSpecification", x -> x)) {
                specs.computeIfAbsent(spec.required("ResourceType"), k -> new LinkedHashMap<>())
                        .putAll(spec.tags("Tag"));
            }
            return new TemplateData(
                    p.get("InstanceType"),
                    nics.isEmpty() ? null : nics,
                    groups.isEmpty() ? null : groups,
                    specs.isEmpty() ? null : specs);
        }

        /** This data over {@code base}: what this sets wins, the rest is the base's. */
        TemplateData over(TemplateData base) {
            return new TemplateData(
                    instanceType != null ? instanceType : base.instanceType,
                    networkInterfaces != null ? networkInterfaces : base.networkInterfaces,
                    securityGroupIds != null ? securityGroupIds : base.securityGroupIds,
                    tagSpecifications != null ? tagSpecifications : base.tagSpecifications);
        }

        /** Network interface 0 (device index 0, or the first one without an index), or null. */
        public @Nullable NetworkInterface primary() {
            if (networkInterfaces == null) {
                return null;
            }
            for (NetworkInterface n : networkInterfaces) {
                if (n.deviceIndex() != null && n.deviceIndex() == 0) {
                    return n;
                }
            }
            for (NetworkInterface n : networkInterfaces) {
                if (n.deviceIndex() == null) {
                    return n;
                }
            }
            return null;
        }

        /** The tags for instances ({@code TagSpecifications} with resource type {@code instance}). */
        public Map<String, String> instanceTags() {
            return tagSpecifications == null ? Map.of() : tagSpecifications.getOrDefault("instance", Map.of());
        }

        void xml(Ec2Xml x) {
            x.open("launchTemplateData").el("instanceType", instanceType);
            if (networkInterfaces != null) {
                x.open("networkInterfaceSet");
                for (NetworkInterface n : networkInterfaces) {
                    x.open("item")
                            .el("associatePublicIpAddress", n.associatePublicIpAddress())
                            .el("deviceIndex", n.deviceIndex())
                            .strings("groupSet", "groupId", n.groupIds())
                            .el("privateIpAddress", n.privateIpAddress())
                            .el("subnetId", n.subnetId())
                            .close("item");
                }
                x.close("networkInterfaceSet");
            }
            if (securityGroupIds != null) {
                x.strings("securityGroupIdSet", "item", securityGroupIds);
            }
            if (tagSpecifications != null) {
                x.open("tagSpecificationSet");
                tagSpecifications.forEach((type, tags) ->
                        x.open("item").el("resourceType", type).tags(tags).close("item"));
                x.close("tagSpecificationSet");
            }
            x.close("launchTemplateData");
        }
    }

    record Version(long number, @Nullable String description, Instant created, TemplateData data) {}

    static final class Template extends Resource {
        final String name;
        final Instant created;
        final String createdBy;
        final TreeMap<Long, Version> versions = new TreeMap<>();
        long defaultVersion = 1;

        Template(String id, String name, Instant created, String createdBy) {
            super(id);
            this.name = name;
            this.created = created;
            this.createdBy = createdBy;
        }

        long latest() {
            return versions.lastKey();
        }

        Version version(String which) {
            long n;
            switch (which) {
                case "$Default" -> n = defaultVersion;
                case "$Latest" -> n = latest();
                default -> {
                    try {
                        n = Long.parseLong(which);
                    } catch (NumberFormatException e) {
                        throw error(
                                "InvalidLaunchTemplateId.VersionNotFound",
                                "Could not find launch template version " + which + " of " + id + " (" + name + ").");
                    }
                }
            }
            Version v = versions.get(n);
            if (v == null) {
                throw error(
                        "InvalidLaunchTemplateId.VersionNotFound",
                        "Could not find launch template version " + which + " of " + id + " (" + name + ").");
            }
            return v;
        }

        void xml(Ec2Xml x, String element) {
            x.open(element)
                    .el("launchTemplateId", id)
                    .el("launchTemplateName", name)
                    .el("createTime", created)
                    .el("createdBy", createdBy)
                    .el("defaultVersionNumber", defaultVersion)
                    .el("latestVersionNumber", latest())
                    .tags(tags)
                    .close(element);
        }

        void xml(Ec2Xml x, String element, Version v) {
            x.open(element)
                    .el("launchTemplateId", id)
                    .el("launchTemplateName", name)
                    .el("versionNumber", v.number())
                    .el("versionDescription", v.description())
                    .el("createTime", v.created())
                    .el("createdBy", createdBy)
                    .el("defaultVersion", v.number() == defaultVersion);
            v.data().xml(x);
            x.close(element);
        }
    }

    /** A new template with version 1 (its default), or an error when the name is taken or malformed. */
    static Template create(
            RegionState r,
            String name,
            @Nullable String description,
            TemplateData data,
            Map<String, String> tags,
            Instant now) {
        if (!name.matches(NAME)) {
            throw error(
                    "InvalidLaunchTemplateName.MalformedException",
                    "A launch template name must be between 3 and 128 characters, and may contain letters, numbers,"
                            + " and the following characters: - ( ) . / _.'");
        }
        if (byName(r, name) != null) {
            throw error(
                    "InvalidLaunchTemplateName.AlreadyExistsException",
                    "Launch template name already in use: " + name + ".");
        }
        Template t = new Template(
                Ec2Model.id("lt-", r.account, r.region, "launch-template", name),
                name,
                now,
                "arn:aws:iam::" + r.account + ":root");
        t.tags.putAll(tags);
        t.versions.put(1L, new Version(1, description, now, data));
        r.templates.put(t.id, t);
        return t;
    }

    static @Nullable Template byName(RegionState r, String name) {
        for (Template t : r.templates.values()) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The template a request names by {@code LaunchTemplateId} or {@code LaunchTemplateName}. */
    static Template named(RegionState r, Params p) {
        String id = p.get("LaunchTemplateId");
        String name = p.get("LaunchTemplateName");
        if (id != null) {
            Template t = r.templates.get(id);
            if (t == null) {
                throw error(
                        "InvalidLaunchTemplateId.NotFound",
                        "The specified launch template, with template ID " + id + ", does not exist in " + r.where()
                                + ".");
            }
            return t;
        }
        if (name != null) {
            Template t = byName(r, name);
            if (t == null) {
                throw error(
                        "InvalidLaunchTemplateName.NotFoundException",
                        "The specified launch template, with template name " + name + ", does not exist in " + r.where()
                                + ".");
            }
            return t;
        }
        throw error(
                "MissingParameter", "The request must contain the parameter LaunchTemplateId or LaunchTemplateName.");
    }

    static Template create(RegionState r, Params p, Instant now) {
        if (!p.has("LaunchTemplateData")) {
            throw error("MissingParameter", "The request must contain the parameter LaunchTemplateData.");
        }
        return create(
                r,
                p.required("LaunchTemplateName"),
                p.get("VersionDescription"),
                TemplateData.read(p.nested("LaunchTemplateData")),
                p.tagSpecifications("launch-template"),
                now);
    }

    static Version createVersion(Template t, Params p, Instant now) {
        TemplateData data = TemplateData.read(p.nested("LaunchTemplateData"));
        String source = p.get("SourceVersion");
        if (source != null) {
            data = data.over(t.version(source).data());
        }
        Version v = new Version(t.latest() + 1, p.get("VersionDescription"), now, data);
        t.versions.put(v.number(), v);
        return v;
    }

    static Template modify(Template t, Params p) {
        String set = p.get("SetDefaultVersion");
        if (set != null) {
            t.defaultVersion = t.version(set).number();
        }
        return t;
    }

    static List<Template> describe(RegionState r, Params p) {
        List<String> ids = p.list("LaunchTemplateId");
        List<String> names = p.list("LaunchTemplateName");
        for (String id : ids) {
            if (!r.templates.containsKey(id)) {
                throw error(
                        "InvalidLaunchTemplateId.NotFound",
                        "The specified launch template, with template ID " + id + ", does not exist in " + r.where()
                                + ".");
            }
        }
        for (String name : names) {
            if (byName(r, name) == null) {
                throw error(
                        "InvalidLaunchTemplateName.NotFoundException",
                        "At least one of the launch templates specified in the request does not exist: " + name + ".");
            }
        }
        Params.Filters filters = p.filters();
        List<Template> out = new ArrayList<>();
        for (Template t : r.templates.values()) {
            if ((ids.isEmpty() || ids.contains(t.id))
                    && (names.isEmpty() || names.contains(t.name))
                    && filters.match(t.tags, f -> switch (f) {
                        case "launch-template-name" -> List.of(t.name);
                        case "launch-template-id" -> List.of(t.id);
                        default -> null;
                    })) {
                out.add(t);
            }
        }
        return out;
    }

    /** The versions asked for (in that order), or every version, newest first; MinVersion and MaxVersion bound them. */
    static List<Version> describeVersions(Template t, Params p) {
        List<String> which = p.list("LaunchTemplateVersion");
        List<Version> out = new ArrayList<>();
        if (!which.isEmpty()) {
            for (String w : which) {
                Version v = t.version(w);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
            return out;
        }
        String min = p.get("MinVersion");
        String max = p.get("MaxVersion");
        long lo = min == null ? 1 : t.version(min).number();
        long hi = max == null ? t.latest() : t.version(max).number();
        for (Version v : t.versions.descendingMap().values()) {
            if (v.number() >= lo && v.number() <= hi) {
                out.add(v);
            }
        }
        return out;
    }
}
