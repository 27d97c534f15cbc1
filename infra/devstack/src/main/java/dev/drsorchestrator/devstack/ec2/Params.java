package dev.drsorchestrator.devstack.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of one EC2 query request. EC2 flattens lists as {@code Name.1}, {@code Name.2} …, and structures as
 * {@code Name.Member}: {@code SubnetId.1}, {@code Filter.1.Name}, {@code Filter.1.Value.1},
 * {@code LaunchTemplateData.NetworkInterface.1.SecurityGroupId.1} (what the AWS SDK v2 sends, checked through it).
 */
final class Params {
    private final Map<String, String> form;
    private final String prefix;

    Params(Map<String, String> form) {
        this(form, "");
    }

    private Params(Map<String, String> form, String prefix) {
        this.form = form;
        this.prefix = prefix;
    }

    /** The parameters under {@code Name.} (a structure member). */
    Params nested(String name) {
        return new Params(form, prefix + name + ".");
    }

    boolean has(String name) {
        String p = prefix + name;
        if (form.containsKey(p)) {
            return true;
        }
        for (String k : form.keySet()) {
            if (k.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    @Nullable
    String get(String name) {
        String v = form.get(prefix + name);
        return v == null || v.isEmpty() ? null : v;
    }

    String required(String name) {
        String v = get(name);
        if (v == null) {
            throw Ec2Model.error("MissingParameter", "The request must contain the parameter " + prefix + name + ".");
        }
        return v;
    }

    @Nullable
    Boolean bool(String name) {
        String v = get(name);
        return v == null ? null : Boolean.valueOf(v);
    }

    @Nullable
    Integer integer(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw Ec2Model.error(
                    "InvalidParameterValue", "Value (" + v + ") for parameter " + prefix + name + " is invalid.");
        }
    }

    /** {@code Name.1}, {@code Name.2} …: a list of strings. */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 1; form.containsKey(prefix + name + "." + i); i++) {
            out.add(form.get(prefix + name + "." + i));
        }
        return out;
    }

    /** {@code Name.1.…}, {@code Name.2.…} …: a list of structures. */
    <T> List<T> structures(String name, Function<Params, T> read) {
        List<T> out = new ArrayList<>();
        for (int i = 1; nested(name).has(String.valueOf(i)); i++) {
            out.add(read.apply(nested(name + "." + i)));
        }
        return out;
    }

    /** {@code Tag.N.Key}/{@code Tag.N.Value} under {@code name}. */
    Map<String, String> tags(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Params t : structures(name, p -> p)) {
            String value = t.get("Value");
            out.put(t.required("Key"), value == null ? "" : value);
        }
        return out;
    }

    /** The tags of {@code TagSpecification.N} entries for one resource type ({@code vpc}, {@code instance} …). */
    Map<String, String> tagSpecifications(String resourceType) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Params spec : structures("TagSpecification", p -> p)) {
            if (resourceType.equals(spec.get("ResourceType"))) {
                out.putAll(spec.tags("Tag"));
            }
        }
        return out;
    }

    /** {@code Filter.N.Name} with its {@code Filter.N.Value.M}. */
    Filters filters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Params f : structures("Filter", p -> p)) {
            out.computeIfAbsent(f.required("Name"), k -> new ArrayList<>()).addAll(f.list("Value"));
        }
        return new Filters(out);
    }

    /**
     * EC2's filters: every named filter must match (AND), any of its values (OR). Values may use {@code *} and
     * {@code ?} wildcards. {@code tag:<key>} matches a tag's value; {@code tag-key} a tag's key.
     */
    record Filters(Map<String, List<String>> byName) {
        /**
         * Whether a resource passes. {@code attribute} gives the resource's values for a filter name, or null when
         * the filter is not supported for this kind of resource (an {@code InvalidParameterValue}, as EC2 answers
         * an unknown filter).
         */
        boolean match(Map<String, String> tags, Function<String, @Nullable List<String>> attribute) {
            for (var e : byName.entrySet()) {
                String name = e.getKey();
                List<String> have;
                if (name.startsWith("tag:")) {
                    String v = tags.get(name.substring(4));
                    have = v == null ? List.of() : List.of(v);
                } else if (name.equals("tag-key")) {
                    have = List.copyOf(tags.keySet());
                } else {
                    have = attribute.apply(name);
                    if (have == null) {
                        throw Ec2Model.error("InvalidParameterValue", "The filter '" + name + "' is invalid");
                    }
                }
                boolean any = false;
                for (String want : e.getValue()) {
                    String regex = "\\Q" + want.replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q") + "\\E";
                    for (String h : have) {
                        any |= h.matches(regex);
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
    }
}
