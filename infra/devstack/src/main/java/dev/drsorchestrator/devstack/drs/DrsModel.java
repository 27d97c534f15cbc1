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

        boolean hasSnapshot() {
            return LAUNCHABLE.contains(replicationState);
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
                    .put("replicatedStorageBytes", hasSnapshot() ? 21474836480L : 0L)
                    .put("rescannedStorageBytes", 0)
                    .put("backloggedStorageBytes", 0);
            if (replicationState.equals("STALLED")) {
                dri.putObject("dataReplicationError")
                        .put("error", "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER")
                        .put("rawError", "devstack: replication stalled by fault injection");
            }
            ObjectNode life = o.putObject("lifeCycle")
                    .put("addedToServiceDateTime", time(addedAt))
                    .put("firstByteDateTime", time(addedAt.plusSeconds(60)))
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
            props.putObject("identificationHints").put("hostname", hostname).put("fqdn", hostname + ".corp.example");
            props.putArray("cpus").addObject().put("cores", 2).put("modelName", "devstack vCPU");
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
        final Map<String, String> tags = new LinkedHashMap<>();
        String ec2State = "PENDING";

        @Nullable
        String failbackState;

        @Nullable
        String failbackJobId;

        RecoveryInstance(
                String id,
                String account,
                String region,
                String sourceServerId,
                String jobId,
                boolean drill,
                Instant pointInTime,
                String instanceType) {
            this.id = id;
            this.account = account;
            this.region = region;
            this.sourceServerId = sourceServerId;
            this.jobId = jobId;
            this.drill = drill;
            this.pointInTime = pointInTime;
            this.instanceType = instanceType;
        }

        String arn() {
            return "arn:aws:drs:" + region + ":" + account + ":recovery-instance/" + id;
        }

        ObjectNode json() {
            ObjectNode o = Json.object()
                    .put("recoveryInstanceID", id)
                    .put("ec2InstanceID", id)
                    .put("ec2InstanceState", ec2State)
                    .put("jobID", jobId)
                    .put("sourceServerID", sourceServerId)
                    .put("arn", arn())
                    .put("isDrill", drill)
                    .put("pointInTimeSnapshotDateTime", time(pointInTime))
                    .put("originEnvironment", "ON_PREMISES")
                    .put("originAvailabilityZone", region + "a");
            ObjectNode t = o.putObject("tags");
            tags.forEach(t::put);
            o.putObject("recoveryInstanceProperties")
                    .put("lastUpdatedDateTime", time(pointInTime))
                    .put("ramBytes", 8589934592L);
            ObjectNode fb = o.putObject("failback")
                    .put("state", failbackState == null ? "FAILBACK_NOT_STARTED" : failbackState);
            if (failbackJobId != null) {
                fb.put("failbackJobID", failbackJobId);
            }
            return o;
        }
    }
}
