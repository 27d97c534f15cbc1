package dev.drsorchestrator.contracts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.envelope.InvalidEventException;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the AWS service events the project consumes, with their quirks: DRS puts the source server (or recovery
 * instance) id only in {@code resources}; {@code is-drill} is a string; CloudWatch timestamps have no colon in
 * their offset.
 *
 * <p>{@code DRS Job State Change} is not published by AWS; the seed documents show it. This parser accepts it in the
 * shape below and is lenient about names, since nobody can check it against AWS: {@code detail.jobID} (or
 * {@code job-id}, {@code jobId}, or a {@code job/<id>} ARN in {@code resources}); {@code detail.status} (or
 * {@code state}) one of {@code PENDING|STARTED|COMPLETED}; optional {@code detail.is-drill} (or {@code isDrill});
 * optional {@code detail.participatingServers[]} with {@code sourceServerID}, {@code launchStatus},
 * {@code recoveryInstanceID}.
 */
public final class AwsEventParser {

    private static final DateTimeFormatter CLOUDWATCH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

    private AwsEventParser() {}

    public static AwsEvent parse(String eventJson) {
        return parse(EventCodec.readTree(eventJson));
    }

    /** Reads an AWS event that has already been parsed into a JSON tree. */
    public static AwsEvent parse(JsonNode event) {
        String source = event.path("source").asText("");
        String detailType = event.path("detail-type").asText("");
        AwsEventType type = AwsEventType.of(source, detailType)
                .orElseThrow(() -> new InvalidEventException(
                        detailType.isEmpty() ? null : detailType,
                        "detail-type",
                        "'" + source + "' / '" + detailType + "' is not an AWS event this project consumes",
                        null));
        Reader r = new Reader(type, event);
        try {
            return switch (type) {
                case DRS_SOURCE_SERVER_LAUNCH_RESULT ->
                    new DrsSourceServerLaunchResult(
                            r.eventId(),
                            r.account(),
                            r.region(),
                            r.time(),
                            r.resourceId("source-server/", SourceServerId::of),
                            r.id("detail.job-id", r.text("detail.job-id"), DrsJobId::of),
                            r.text("detail.state"),
                            r.flag("detail.is-drill", r.detail().get("is-drill")));
                case DRS_DATA_REPLICATION_STALLED_CHANGE ->
                    new DrsDataReplicationStalledChange(
                            r.eventId(),
                            r.account(),
                            r.region(),
                            r.time(),
                            r.resourceId("source-server/", SourceServerId::of),
                            r.stalled());
                case DRS_RECOVERY_INSTANCE_FAILBACK_STATE_CHANGE ->
                    new DrsRecoveryInstanceFailbackStateChange(
                            r.eventId(),
                            r.account(),
                            r.region(),
                            r.time(),
                            r.resourceId("recovery-instance/", RecoveryInstanceId::of),
                            r.text("detail.state"));
                case DRS_JOB_STATE_CHANGE -> r.jobStateChange();
                case CLOUDWATCH_ALARM_STATE_CHANGE -> r.alarmStateChange();
            };
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw new InvalidEventException(type.detailType(), "", e.getMessage(), e);
        }
    }

    /** Field access that reports the missing or malformed field by its path. */
    private record Reader(AwsEventType type, JsonNode event) {

        JsonNode detail() {
            JsonNode detail = event.get("detail");
            if (detail == null || !detail.isObject()) {
                throw invalid("detail", "detail is required");
            }
            return detail;
        }

        String eventId() {
            return text("id");
        }

        AccountId account() {
            return id("account", text("account"), AccountId::of);
        }

        String region() {
            return text("region");
        }

        Instant time() {
            String time = text("time");
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException e) {
                throw invalid("time", "'" + time + "' is not an ISO-8601 instant");
            }
        }

        /** The text at a dotted path from the event's root, such as {@code detail.state.value}; required. */
        String text(String path) {
            JsonNode node = event;
            for (String field : path.split("\\.")) {
                node = node.path(field);
            }
            if (!node.isValueNode() || node.asText().isBlank()) {
                throw invalid(path, path + " is required");
            }
            return node.asText();
        }

        <T> T id(String path, String value, Function<String, T> parse) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw invalid(path, e.getMessage());
            }
        }

        /** The id after {@code marker} in the first matching ARN of {@code resources}. */
        <T> T resourceId(String marker, Function<String, T> parse) {
            String found = findResource(marker);
            if (found == null) {
                throw invalid("resources", "resources has no ARN with '" + marker + "<id>'");
            }
            return id("resources", found, parse);
        }

        @Nullable
        String findResource(String marker) {
            for (JsonNode arn : event.path("resources")) {
                String text = arn.asText("");
                int at = text.indexOf(marker);
                if (at >= 0) {
                    return text.substring(at + marker.length());
                }
            }
            return null;
        }

        /** AWS writes booleans as "TRUE"/"FALSE" strings here; accept real booleans too. */
        boolean flag(String path, @Nullable JsonNode node) {
            if (node == null || node.isNull()) {
                throw invalid(path, path + " is required");
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return switch (node.asText().toUpperCase(Locale.ROOT)) {
                case "TRUE" -> true;
                case "FALSE" -> false;
                default -> throw invalid(path, "'" + node.asText() + "' is neither TRUE nor FALSE");
            };
        }

        boolean stalled() {
            String state = text("detail.state");
            return switch (state) {
                case "STALLED" -> true;
                case "NOT_STALLED" -> false;
                default -> throw invalid("detail.state", "'" + state + "' is neither STALLED nor NOT_STALLED");
            };
        }

        DrsJobStateChange jobStateChange() {
            JsonNode detail = detail();
            String jobId = firstText(detail, "jobID", "job-id", "jobId");
            if (jobId == null) {
                jobId = findResource("job/");
            }
            if (jobId == null) {
                throw invalid("detail.jobID", "detail.jobID is required (or a job ARN in resources)");
            }
            String status = firstText(detail, "status", "state");
            if (status == null) {
                throw invalid("detail.status", "detail.status is required");
            }
            JsonNode drillNode = detail.has("is-drill") ? detail.get("is-drill") : detail.get("isDrill");
            List<ServerLaunchState> servers = new ArrayList<>();
            JsonNode participating = detail.path("participatingServers");
            for (int i = 0; i < participating.size(); i++) {
                JsonNode server = participating.get(i);
                String path = "detail.participatingServers[" + i + "]";
                String instance = firstText(server, "recoveryInstanceID", "recoveryInstanceId");
                servers.add(new ServerLaunchState(
                        id(
                                path + ".sourceServerID",
                                firstText(server, "sourceServerID", "sourceServerId"),
                                SourceServerId::of),
                        enumValue(path + ".launchStatus", LaunchStatus.class, firstText(server, "launchStatus")),
                        instance == null ? null : id(path + ".recoveryInstanceID", instance, RecoveryInstanceId::of),
                        null,
                        null));
            }
            return new DrsJobStateChange(
                    eventId(),
                    account(),
                    region(),
                    time(),
                    id("detail.jobID", jobId, DrsJobId::of),
                    enumValue("detail.status", JobStatus.class, status),
                    drillNode == null ? null : flag("detail.is-drill", drillNode),
                    servers);
        }

        CloudWatchAlarmStateChange alarmStateChange() {
            JsonNode detail = detail();
            String alarmArn = null;
            for (JsonNode arn : event.path("resources")) {
                if (arn.asText("").contains(":alarm:")) {
                    alarmArn = arn.asText();
                }
            }
            if (alarmArn == null) {
                throw invalid("resources", "resources has no CloudWatch alarm ARN");
            }
            JsonNode state = detail.path("state");
            String stateTime = state.path("timestamp").asText(null);
            return new CloudWatchAlarmStateChange(
                    eventId(),
                    account(),
                    region(),
                    time(),
                    alarmArn,
                    text("detail.alarmName"),
                    text("detail.state.value"),
                    detail.path("previousState").path("value").asText(null),
                    state.path("reason").asText(""),
                    stateTime == null ? time() : cloudWatchTime("detail.state.timestamp", stateTime),
                    detail.path("configuration").path("description").asText(null));
        }

        Instant cloudWatchTime(String path, String value) {
            try {
                return OffsetDateTime.parse(value, CLOUDWATCH_TIME).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException again) {
                    throw invalid(path, "'" + value + "' is not a timestamp");
                }
            }
        }

        <E extends Enum<E>> E enumValue(String path, Class<E> type, @Nullable String value) {
            if (value == null) {
                throw invalid(path, path + " is required");
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(path, "'" + value + "' is not a " + type.getSimpleName());
            }
        }

        @Nullable
        static String firstText(JsonNode node, String... names) {
            for (String name : names) {
                JsonNode value = node.get(name);
                if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
            return null;
        }

        InvalidEventException invalid(String path, String reason) {
            return new InvalidEventException(type.detailType(), path, reason, null);
        }
    }
}
