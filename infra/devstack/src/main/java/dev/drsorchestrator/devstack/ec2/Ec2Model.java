package dev.drsorchestrator.devstack.ec2;

import dev.drsorchestrator.devstack.http.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** EC2's state per account and Region (guarded by the {@link Ec2} lock), and the ids and CIDRs it is made of. */
final class Ec2Model {
    private Ec2Model() {}

    /** {@code prefix} and 17 hex digits of the SHA-256 of the parts: the same ids every run. */
    static String id(String prefix, Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object p : parts) {
            key.append(p).append('/');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static AwsServiceException error(String code, String message) {
        return new AwsServiceException(400, code, message);
    }

    /** An IPv4 CIDR block such as {@code 10.0.1.0/24}. */
    record Cidr(long base, int prefix) {
        static Cidr parse(String text, String parameter) {
            String[] parts = text == null ? new String[0] : text.split("/");
            long ip = parts.length == 2 ? ip(parts[0]) : -1;
            int prefix = -1;
            if (parts.length == 2 && parts[1].matches("\\d{1,2}")) {
                prefix = Integer.parseInt(parts[1]);
            }
            if (ip < 0 || prefix < 0 || prefix > 32) {
                throw error(
                        "InvalidParameterValue", "Value (" + text + ") for parameter " + parameter + " is invalid.");
            }
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return new Cidr(ip & mask, prefix);
        }

        /** An IPv4 address as a number, or -1 when the text is not one. */
        static long ip(String text) {
            String[] octets = text == null ? new String[0] : text.split("\\.", -1);
            if (octets.length != 4) {
                return -1;
            }
            long v = 0;
            for (String o : octets) {
                if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
                    return -1;
                }
                v = v * 256 + Integer.parseInt(o);
            }
            return v;
        }

        static String text(long ip) {
            return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
        }

        long size() {
            return 1L << (32 - prefix);
        }

        long last() {
            return base + size() - 1;
        }

        boolean contains(long ip) {
            return ip >= base && ip <= last();
        }

        boolean contains(Cidr other) {
            return contains(other.base) && contains(other.last());
        }

        boolean overlaps(Cidr other) {
            return base <= other.last() && other.base <= last();
        }

        /** AWS keeps the first four addresses and the last of every subnet. */
        boolean usable(long ip) {
            return ip >= base + 4 && ip < last();
        }

        @Override
        public String toString() {
            return text(base) + "/" + prefix;
        }
    }

    abstract static class Resource {
        final String id;
        final Map<String, String> tags = new LinkedHashMap<>();

        Resource(String id) {
            this.id = id;
        }
    }

    static final class Vpc extends Resource {
        final Cidr cidr;

        Vpc(String id, Cidr cidr) {
            super(id);
            this.cidr = cidr;
        }
    }

    static final class Subnet extends Resource {
        final String vpcId;
        final Cidr cidr;
        final String availabilityZone;

        Subnet(String id, String vpcId, Cidr cidr, String availabilityZone) {
            super(id);
            this.vpcId = vpcId;
            this.cidr = cidr;
            this.availabilityZone = availabilityZone;
        }
    }

    static final class SecurityGroup extends Resource {
        final String vpcId;
        final String name;
        final String description;

        SecurityGroup(String id, String vpcId, String name, String description) {
            super(id);
            this.vpcId = vpcId;
            this.name = name;
            this.description = description;
        }
    }

    /** EC2's instance states with their codes. */
    enum State {
        PENDING(0, "pending"),
        RUNNING(16, "running"),
        SHUTTING_DOWN(32, "shutting-down"),
        TERMINATED(48, "terminated"),
        STOPPING(64, "stopping"),
        STOPPED(80, "stopped");

        final int code;
        final String text;

        State(int code, String text) {
            this.code = code;
            this.text = text;
        }
    }

    static final class Instance extends Resource {
        final String reservationId;
        final String instanceType;
        final String subnetId;
        final String vpcId;
        final String availabilityZone;
        final String privateIp;
        final List<String> groupIds;
        final Instant launchTime;
        State state;

        Instance(
                String id,
                String instanceType,
                Subnet subnet,
                String privateIp,
                List<String> groupIds,
                Instant launchTime,
                State state) {
            super(id);
            this.reservationId = id("r-", "reservation", id);
            this.instanceType = instanceType;
            this.subnetId = subnet.id;
            this.vpcId = subnet.vpcId;
            this.availabilityZone = subnet.availabilityZone;
            this.privateIp = privateIp;
            this.groupIds = List.copyOf(groupIds);
            this.launchTime = launchTime;
            this.state = state;
        }

        boolean holdsAddress() {
            return state != State.TERMINATED;
        }
    }

    /** Everything EC2 holds in one account and Region. */
    static final class RegionState {
        final String account;
        final String region;
        final Map<String, Vpc> vpcs = new LinkedHashMap<>();
        final Map<String, Subnet> subnets = new LinkedHashMap<>();
        final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
        final Map<String, LaunchTemplates.Template> templates = new LinkedHashMap<>();
        final Map<String, Instance> instances = new LinkedHashMap<>();
        /** Numbers the resources CreateVpc, CreateSubnet and CreateSecurityGroup make, for their ids. */
        long created;

        RegionState(String account, String region) {
            this.account = account;
            this.region = region;
        }

        String where() {
            return account + "/" + region;
        }

        String newId(String prefix, String kind) {
            return id(prefix, account, region, kind, ++created);
        }

        @Nullable
        SecurityGroup defaultGroup(String vpcId) {
            for (SecurityGroup g : groups.values()) {
                if (g.vpcId.equals(vpcId) && g.name.equals("default")) {
                    return g;
                }
            }
            return null;
        }

        /** The resource with this id, of any kind, or null. */
        @Nullable
        Resource resource(String id) {
            for (Map<String, ? extends Resource> m : List.of(vpcs, subnets, groups, templates, instances)) {
                Resource r = m.get(id);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }

        List<Instance> instancesIn(String subnetId) {
            List<Instance> out = new ArrayList<>();
            for (Instance i : instances.values()) {
                if (i.subnetId.equals(subnetId) && i.holdsAddress()) {
                    out.add(i);
                }
            }
            return out;
        }
    }
}
