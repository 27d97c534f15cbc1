package dev.drsorchestrator.devstack.drs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The simulator's state (guarded by the simulator's lock) and how AWS renders each thing in JSON. */
final class DrsModel {
    private DrsModel() {}

    /** DRS writes times as ISO-8601 strings with microseconds and a numeric offset. */
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    /** Replication states from which DRS has a snapshot to launch. */
    static final Set<String> LAUNCHABLE =
            Set.of("CONTINUOUS", "BACKLOG", "RESCAN", "CREATING_SNAPSHOT", "STALLED", "PAUSED");

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** Where an EC2-origin source server runs: its account, Region, Availability Zone and instance. */
    record Ec2Origin(String account, String region, String availabilityZone, String instanceId) {}

    static final class SourceServer {
        final String id;
        final String account;
        final String region;
        final String hostname;
        final Map<String, String> tags = new LinkedHashMap<>();
        String replicationState;
        Duration lag;
        String recommendedInstanceType;
        final Instant addedAt;

        @Nullable
        String recoveryInstanceId;

        String lastLaunchResult = "NOT_STARTED";

        @Nullable
        String lastLaunchJobId;

        @Nullable
        String lastLaunchType;

        @Nullable
        Instant lastLaunchAt;

        String replicationDirection = "FAILOVER";

        @Nullable
        String reversedDirectionSourceServerArn;

        /** The EC2 instance this server is, or null for an on-premises server. */
        @Nullable
        Ec2Origin origin;

        /** The recovery instance this server replicates from, when ReverseReplication made or reused it. */
        @Nullable
        String replicatingFromInstanceId;

        /** Bumped when a reverse sync starts: a sync timer armed before then does nothing. */
        long syncRound;

        /** When replication last became CONTINUOUS after a reverse sync: no snapshot is older. Null: no such limit. */
        @Nullable
        Instant syncedAt;

        SourceServer(
                String id,
                String account,
                String region,
                String hostname,
                String replicationState,
                Duration lag,
                String recommendedInstanceType,
                Instant addedAt) {
            this.id = id;
            this.account = account;
            this.region = region;
            this.hostname = hostname;
            this.replicationState = replicationState;
            this.lag = lag;
            this.recommendedInstanceType = recommendedInstanceType;
            this.addedAt = addedAt;
        }

        String arn() {
            return "arn:aws:drs:" + region + ":" + account + ":source-server/" + id;
        }

        /** The server's own address, drawn from its id: 10.0.1.4 to 10.0.1.253 (inside subnet production-a). */
        String privateIp() {
            return "10.0.1." + (4 + Math.floorMod(id.hashCode(), 250));
        }

        boolean hasSnapshot() {
            return LAUNCHABLE.contains(replicationState);
        }

        String originEnvironment() {
            return origin == null ? "ON_PREMISES" : "AWS";
        }

        private long replicatedBytes(long total) {
            if (hasSnapshot()) {
                return total;
            }
            return replicationState.equals("INITIAL_SYNC") && replicatingFromInstanceId != null ? total / 2 : 0L;
        }

        ObjectNode json(Instant now) {
            ObjectNode o = Json.object().put("sourceServerID", id).put("arn", arn());
            ObjectNode t = o.putObject("tags");
            tags.forEach(t::put);
            if (recoveryInstanceId != null) {
                o.put("recoveryInstanceId", recoveryInstanceId);
            }
            o.put("lastLaunchResult", lastLaunchResult);
            ObjectNode dri = o.putObject("dataReplicationInfo")
                    .put("dataReplicationState", replicationState)
                    .put("lagDuration", lag.toString())
                    .put("stagingAvailabilityZone", region + "a");
            dri.putArray("replicatedDisks")
                    .addObject()
                    .put("deviceName", "/dev/sda1")
                    .put("totalStorageBytes", 21474836480L)
                    .put("replicatedStorageBytes", replicatedBytes(21474836480L))
                    .put("rescannedStorageBytes", 0)
                    .put("backloggedStorageBytes", 0);
            if (replicationState.equals("STALLED")) {
                dri.putObject("dataReplicationError")
                        .put("error", "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER")
                        .put("rawError", "devstack: replication stalled by fault injection");
            }
            Instant firstByte = addedAt.plusSeconds(60);
            ObjectNode life = o.putObject("lifeCycle")
                    .put("addedToServiceDateTime", time(addedAt))
                    .put("firstByteDateTime", time(firstByte.isAfter(now) ? addedAt : firstByte))
                    .put(
                            "elapsedReplicationDuration",
                            Duration.between(addedAt, now).toString())
                    .put("lastSeenByServiceDateTime", time(now));
            if (lastLaunchJobId != null) {
                ObjectNode last = life.putObject("lastLaunch");
                last.putObject("initiated")
                        .put("apiCallDateTime", time(lastLaunchAt))
                        .put("jobID", lastLaunchJobId)
                        .put("type", lastLaunchType);
                last.put(
                        "status",
                        switch (lastLaunchResult) {
                            case "SUCCEEDED" -> "LAUNCHED";
                            case "FAILED" -> "FAILED";
                            default -> "PENDING";
                        });
            }
            ObjectNode props = o.putObject("sourceProperties")
                    .put("lastUpdatedDateTime", time(now))
                    .put("recommendedInstanceType", recommendedInstanceType)
                    .put("ramBytes", 8589934592L);
            ObjectNode hints = props.putObject("identificationHints")
                    .put("hostname", hostname)
                    .put("fqdn", hostname + ".corp.example");
            if (origin != null) {
                hints.put("awsInstanceID", origin.instanceId());
                o.putObject("sourceCloudProperties")
                        .put("originAccountID", origin.account())
                        .put("originRegion", origin.region())
                        .put("originAvailabilityZone", origin.availabilityZone());
            }
            props.putArray("cpus").addObject().put("cores", 2).put("modelName", "devstack vCPU");
            ObjectNode nic = props.putArray("networkInterfaces").addObject().put("isPrimary", true);
            nic.put("macAddress", String.format("02:00:0a:00:01:%02x", 4 + Math.floorMod(id.hashCode(), 250)));
            nic.putArray("ips").add(privateIp());
            props.putObject("os").put("fullString", "Amazon Linux 2023 (devstack)");
            o.putObject("stagingArea").put("status", "NOT_EXTENDED").put("stagingAccountID", account);
            o.put("replicationDirection", replicationDirection);
            if (reversedDirectionSourceServerArn != null) {
                o.put("reversedDirectionSourceServerArn", reversedDirectionSourceServerArn);
            }
            o.put("agentVersion", "devstack");
            return o;
        }
    }

    static final class Participant {
        final String sourceServerId;

        @Nullable
        String recoveryInstanceId;

        String launchStatus = "PENDING";

        /** The point in time StartRecovery asked for (the snapshot's time), or null for the latest. */
        @Nullable
        Instant snapshotTime;

        Participant(String sourceServerId) {
            this.sourceServerId = sourceServerId;
        }
    }

    record LogItem(
            Instant at,
            String event,
            @Nullable String sourceServerId,
            @Nullable String targetInstanceId,
            @Nullable String rawError) {
        ObjectNode json() {
            ObjectNode o = Json.object().put("logDateTime", time(at)).put("event", event);
            ObjectNode data = o.putObject("eventData");
            if (sourceServerId != null) {
                data.put("sourceServerID", sourceServerId);
            }
            if (targetInstanceId != null) {
                data.put("targetInstanceID", targetInstanceId);
            }
            if (rawError != null) {
                data.put("rawError", rawError);
            }
            return o;
        }
    }

    static final class Job {
        final String id;
        final String account;
        final String region;
        final String type;
        final String initiatedBy;
        final boolean drill;
        final Instant created;

        @Nullable
        Instant ended;

        String status = "PENDING";
        final List<Participant> participants = new ArrayList<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final List<LogItem> log = new ArrayList<>();
        /** For terminate jobs: the recovery instances being terminated. */
        final List<String> instancesToTerminate = new ArrayList<>();

        Job(String id, String account, String region, String type, String initiatedBy, boolean drill, Instant created) {
            this.id = id;
            this.account = account;
            this.region = region;
            this.type = type;
            this.initiatedBy = initiatedBy;
            this.drill = drill;
            this.created = created;
        }

        String arn() {
            return "arn:aws:drs:" + region + ":" + account + ":job/" + id;
        }

        boolean active() {
            return !status.equals("COMPLETED");
        }

        ObjectNode json() {
            ObjectNode o = Json.object()
                    .put("jobID", id)
                    .put("arn", arn())
                    .put("type", type)
                    .put("initiatedBy", initiatedBy)
                    .put("creationDateTime", time(created))
                    .put("status", status);
            if (ended != null) {
                o.put("endDateTime", time(ended));
            }
            ArrayNode ps = o.putArray("participatingServers");
            for (Participant p : participants) {
                ObjectNode po =
                        ps.addObject().put("sourceServerID", p.sourceServerId).put("launchStatus", p.launchStatus);
                if (p.recoveryInstanceId != null) {
                    po.put("recoveryInstanceID", p.recoveryInstanceId);
                }
            }
            ObjectNode t = o.putObject("tags");
            tags.forEach(t::put);
            return o;
        }
    }

    static final class RecoveryInstance {
        final String id;
        final String account;
        final String region;
        final String sourceServerId;
        final String jobId;
        final boolean drill;
        final Instant pointInTime;
        final String instanceType;
        /** {@code AWS} for a recovery instance of an EC2-origin server, {@code ON_PREMISES} otherwise. */
        final String originEnvironment;

        final String originAvailabilityZone;
        final Map<String, String> tags = new LinkedHashMap<>();
        String ec2State = "PENDING";

        @Nullable
        String failbackState;

        @Nullable
        String failbackJobId;

        /** The DRS Failback Client connected for this instance, or null. */
        @Nullable
        String failbackClientId;

        @Nullable
        Instant failbackInitiatedAt;

        /** Bumped when a Failback Client connects or goes: a sync timer armed before then does nothing. */
        long failbackRound;

        RecoveryInstance(
                String id,
                String account,
                String region,
                String sourceServerId,
                String jobId,
                boolean drill,
                Instant pointInTime,
                String instanceType,
                String originEnvironment,
                String originAvailabilityZone) {
            this.id = id;
            this.account = account;
            this.region = region;
            this.sourceServerId = sourceServerId;
            this.jobId = jobId;
            this.drill = drill;
            this.pointInTime = pointInTime;
            this.instanceType = instanceType;
            this.originEnvironment = originEnvironment;
            this.originAvailabilityZone = originAvailabilityZone;
        }

        String arn() {
            return "arn:aws:drs:" + region + ":" + account + ":recovery-instance/" + id;
        }

        String failbackStateOrDefault() {
            return failbackState == null ? "FAILBACK_NOT_STARTED" : failbackState;
        }

        ObjectNode json(Instant now) {
            ObjectNode o = Json.object()
                    .put("recoveryInstanceID", id)
                    .put("ec2InstanceID", id)
                    .put("ec2InstanceState", ec2State)
                    .put("jobID", jobId)
                    .put("sourceServerID", sourceServerId)
                    .put("arn", arn())
                    .put("isDrill", drill)
                    .put("pointInTimeSnapshotDateTime", time(pointInTime))
                    .put("originEnvironment", originEnvironment)
                    .put("originAvailabilityZone", originAvailabilityZone);
            ObjectNode t = o.putObject("tags");
            tags.forEach(t::put);
            o.putObject("recoveryInstanceProperties")
                    .put("lastUpdatedDateTime", time(pointInTime))
                    .put("ramBytes", 8589934592L);
            ObjectNode fb = o.putObject("failback").put("state", failbackStateOrDefault());
            if (failbackClientId != null) {
                fb.put("failbackClientID", failbackClientId).put("failbackClientLastSeenByServiceDateTime", time(now));
            }
            if (failbackInitiatedAt != null) {
                fb.put("failbackInitiationTime", time(failbackInitiatedAt));
            }
            if (failbackJobId != null) {
                fb.put("failbackJobID", failbackJobId);
            }
            return o;
        }
    }
}
