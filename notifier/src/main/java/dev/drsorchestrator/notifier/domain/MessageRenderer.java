package dev.drsorchestrator.notifier.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionCancelled;
import dev.drsorchestrator.contracts.events.execution.ExecutionCompleted;
import dev.drsorchestrator.contracts.events.execution.ExecutionFailed;
import dev.drsorchestrator.contracts.events.execution.ExecutionLifecycleEvent;
import dev.drsorchestrator.contracts.events.execution.ExecutionPaused;
import dev.drsorchestrator.contracts.events.execution.ExecutionRejected;
import dev.drsorchestrator.contracts.events.execution.ExecutionResumed;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveFailed;
import dev.drsorchestrator.contracts.events.execution.WaveStarted;
import dev.drsorchestrator.contracts.model.ExecutionRef;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ServerCounts;
import dev.drsorchestrator.contracts.model.ServerOutcome;
import dev.drsorchestrator.contracts.model.WaveRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a notification for people and for machines, without I/O: a subject under 100 characters, a plain-text body
 * (what happened, the plan, the wave, counts, elapsed time against the RTO, what to do next), the event as JSON for
 * sqs/https subscribers, and the message attributes subscriptions filter on. Per-server detail goes into wave
 * messages, at most {@value #SERVERS_SHOWN} servers (failed first), the rest summarised.
 */
public final class MessageRenderer {

    public static final int SERVERS_SHOWN = 20;
    public static final int MAX_SUBJECT = 99;

    private MessageRenderer() {}

    /** What a message says, before it has an id or a topic. */
    public record Rendered(
            String status,
            Severity severity,
            String subject,
            String text,
            String json,
            Map<String, String> attributes) {}

    public static Rendered render(
            ExecutionLifecycleEvent event, EventMetadata metadata, Instant now, String executionServiceUrl) {
        ExecutionRef x = event.execution();
        String who = x.executionType() + " of " + x.planName();
        String status;
        Severity severity;
        String what;
        StringBuilder body = new StringBuilder();
        String next;
        boolean failing = x.executionType() != ExecutionType.DRILL;
        String executionUrl =
                executionServiceUrl + "/executions/" + x.executionId().value();
        if (event instanceof ExecutionStarted e) {
            status = "STARTED";
            severity = Severity.INFO;
            what = "started - " + e.waveCount() + " waves, " + e.serverCount() + " servers";
            body.append(who)
                    .append(" started: ")
                    .append(e.waveCount())
                    .append(" wave(s), ")
                    .append(e.serverCount())
                    .append(" server(s). Requested by ")
                    .append(e.requestedBy())
                    .append(".\n");
            next = "Nothing to do; follow it at GET " + executionUrl + ".";
        } else if (event instanceof ExecutionAwaitingApproval e) {
            status = "AWAITING_APPROVAL";
            severity = failing ? Severity.CRITICAL : Severity.WARNING;
            what = "awaiting approval" + (e.wave() == null ? "" : " of " + wave(e.wave()));
            body.append(who)
                    .append(" is waiting for approval")
                    .append(e.wave() == null ? "" : " before " + wave(e.wave()))
                    .append(e.message() == null ? "." : ": " + e.message())
                    .append('\n');
            next = "To approve it (an approver other than whoever requested it: the two-person rule), with your"
                    + " access token in $TOKEN:\n  curl -X POST -H \"Authorization: Bearer $TOKEN\""
                    + " -H 'Content-Type: application/json' \\\n"
                    + "    -d '{\"reason\":\"<why>\""
                    + (e.wave() == null ? "" : ",\"waveId\":\"" + e.wave().waveId() + "\"")
                    + "}' " + executionServiceUrl + e.approvePath()
                    + "\nTo refuse it: the same with /cancel in place of /approve.";
        } else if (event instanceof WaveStarted e) {
            status = "WAVE_STARTED";
            severity = Severity.INFO;
            what = wave(e.wave()) + " started - " + e.serverCount() + " servers";
            body.append(who)
                    .append(": ")
                    .append(wave(e.wave()))
                    .append(" started (attempt ")
                    .append(e.attempt())
                    .append(") with ")
                    .append(e.serverCount())
                    .append(" server(s).\n");
            next = "Nothing to do.";
        } else if (event instanceof WaveCompleted e) {
            status = "WAVE_COMPLETED";
            severity = e.counts().failed() > 0 ? Severity.WARNING : Severity.INFO;
            what = wave(e.wave()) + " completed - " + launched(e.counts());
            body.append(who)
                    .append(": ")
                    .append(wave(e.wave()))
                    .append(" completed (attempt ")
                    .append(e.attempt())
                    .append(") in ")
                    .append(duration(Duration.between(e.startedAt(), e.completedAt())))
                    .append(".\n")
                    .append(counts(e.counts()))
                    .append('\n');
            servers(body, e.servers(), executionUrl);
            next = e.counts().failed() > 0
                    ? "Some OPTIONAL servers failed; see their errors above and at GET " + executionUrl + "."
                    : "Nothing to do.";
        } else if (event instanceof WaveFailed e) {
            status = "WAVE_FAILED";
            severity = failing ? Severity.CRITICAL : Severity.WARNING;
            what = wave(e.wave()) + " FAILED - " + launched(e.counts());
            body.append(who)
                    .append(": ")
                    .append(wave(e.wave()))
                    .append(" FAILED (attempt ")
                    .append(e.attempt())
                    .append(", failure policy ")
                    .append(e.failurePolicy())
                    .append("): ")
                    .append(e.reason())
                    .append('\n')
                    .append(counts(e.counts()))
                    .append('\n');
            servers(body, e.servers(), executionUrl);
            next = "Fix the cause, then retry the wave (with your access token in $TOKEN):\n  curl -X POST -H"
                    + " \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{}' " + executionUrl
                    + "/waves/" + e.wave().waveId() + "/retry\n(or skip it: /skip with {\"reason\":\"<why>\"}).";
        } else if (event instanceof ExecutionPaused e) {
            status = "PAUSED";
            severity = Severity.WARNING;
            what = "paused" + (e.wave() == null ? "" : " at " + wave(e.wave()));
            body.append(who)
                    .append(" was paused by ")
                    .append(e.pausedBy())
                    .append(": ")
                    .append(e.reason())
                    .append('\n');
            next = "Resume it when ready: POST " + executionUrl + "/resume.";
        } else if (event instanceof ExecutionResumed e) {
            status = "RESUMED";
            severity = Severity.INFO;
            what = "resumed by " + e.resumedBy();
            body.append(who)
                    .append(" was resumed by ")
                    .append(e.resumedBy())
                    .append(e.comment() == null ? "." : ": " + e.comment())
                    .append('\n');
            next = "Nothing to do.";
        } else if (event instanceof ExecutionCompleted e) {
            status = "COMPLETED";
            severity = e.wavesFailed() > 0 ? Severity.WARNING : Severity.INFO;
            what = "completed in " + duration(Duration.between(e.startedAt(), e.completedAt())) + " - "
                    + launched(e.counts());
            body.append(who)
                    .append(" completed: ")
                    .append(e.wavesCompleted())
                    .append(" wave(s) completed, ")
                    .append(e.wavesFailed())
                    .append(" failed, ")
                    .append(e.wavesSkipped())
                    .append(" skipped.\n")
                    .append(counts(e.counts()))
                    .append('\n');
            next = x.executionType() == ExecutionType.DRILL
                    ? "Review the report: GET " + executionUrl
                            + "/report. Drill instances are cleaned up after the TTL."
                    : "Review the report: GET " + executionUrl + "/report.";
        } else if (event instanceof ExecutionFailed e) {
            status = "FAILED";
            severity = failing ? Severity.CRITICAL : Severity.WARNING;
            what = "FAILED" + (e.failedWave() == null ? "" : " at " + wave(e.failedWave())) + " - "
                    + launched(e.counts());
            body.append(who)
                    .append(" FAILED")
                    .append(e.failedWave() == null ? "" : " at " + wave(e.failedWave()))
                    .append(": ")
                    .append(e.reason())
                    .append('\n')
                    .append(counts(e.counts()))
                    .append('\n');
            next = failing
                    ? "Act now: the recovery did not finish. Read GET " + executionUrl
                            + ", fix the cause, and start the plan again or recover the rest in the DRS console."
                    : "Read GET " + executionUrl + "/report, fix the cause and run the drill again.";
        } else if (event instanceof ExecutionCancelled e) {
            status = "CANCELLED";
            severity = Severity.WARNING;
            what = "cancelled by " + e.cancelledBy();
            body.append(who)
                    .append(" was cancelled by ")
                    .append(e.cancelledBy())
                    .append(e.reason() == null ? "." : ": " + e.reason())
                    .append('\n')
                    .append(counts(e.counts()))
                    .append('\n');
            next = "Jobs already in flight finish and are recorded at GET " + executionUrl + ".";
        } else if (event instanceof ExecutionRejected e) {
            status = "REJECTED";
            severity = failing ? Severity.CRITICAL : Severity.WARNING;
            what = "REJECTED";
            body.append(who).append(" was REJECTED: ").append(e.reason()).append('\n');
            if (!e.conflictingServers().isEmpty()) {
                body.append(e.conflictingServers().size())
                        .append(" server(s) held by ")
                        .append(e.conflictingExecutionId() == null ? "another execution" : e.conflictingExecutionId())
                        .append(".\n");
            }
            next = "Wait for the other execution to end (or cancel it), then request this one again.";
        } else {
            throw new IllegalArgumentException(
                    "no message for " + event.getClass().getSimpleName());
        }
        body.append('\n')
                .append("Plan: ")
                .append(x.planName())
                .append(" (")
                .append(x.planId())
                .append(")\n")
                .append("Execution: ")
                .append(x.executionId())
                .append(" (")
                .append(x.executionType())
                .append(", trigger ")
                .append(x.trigger())
                .append(")\n");
        String rto = rto(x, event, now);
        if (rto != null) {
            body.append(rto).append('\n');
        }
        body.append("Severity: ")
                .append(severity)
                .append("\n\nWhat to do: ")
                .append(next)
                .append('\n');
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("planId", x.planId().value());
        attributes.put("planName", x.planName());
        attributes.put("executionId", x.executionId().value());
        attributes.put("executionType", x.executionType().name());
        attributes.put("status", status);
        attributes.put("severity", severity.name());
        attributes.put("trigger", x.trigger().name());
        // The same id on a resend: a subscriber that must see each notification once can deduplicate on it.
        attributes.put("notificationId", metadata.eventId());
        return new Rendered(
                status,
                severity,
                subject(x, what),
                body.toString(),
                json(event, metadata, status, severity),
                attributes);
    }

    /** {@code DRILL of web-shop: wave 2/3 'app tier' completed - 30/30 launched}, ASCII, under 100 characters. */
    static String subject(ExecutionRef x, String what) {
        String prefix = x.executionType() + " of ";
        String tail = ": " + ascii(what);
        String plan = ascii(x.planName());
        int room = MAX_SUBJECT - prefix.length() - tail.length();
        if (plan.length() > room) {
            plan = room > 3 ? plan.substring(0, room - 3) + "..." : "";
        }
        String subject = prefix + plan + tail;
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }

    private static String wave(WaveRef w) {
        return "wave " + w.index() + "/" + w.total() + " '" + w.name() + "'";
    }

    private static String launched(ServerCounts c) {
        return c.launched() + "/" + c.total() + " launched";
    }

    private static String counts(ServerCounts c) {
        return "Servers: " + c.total() + " in total, " + c.launched() + " launched, " + c.failed() + " failed, "
                + c.pending() + " pending, " + c.excluded() + " left out.";
    }

    /** Up to {@value #SERVERS_SHOWN} servers, failed first; the rest as counts. */
    private static void servers(StringBuilder body, List<ServerOutcome> servers, String executionUrl) {
        List<ServerOutcome> sorted = new ArrayList<>(servers);
        sorted.sort(Comparator.comparing((ServerOutcome s) -> s.launchStatus() == LaunchStatus.LAUNCHED));
        for (int i = 0; i < sorted.size() && i < SERVERS_SHOWN; i++) {
            ServerOutcome s = sorted.get(i);
            body.append("  - ")
                    .append(s.hostname() == null ? s.sourceServerId() : s.hostname() + " (" + s.sourceServerId() + ")")
                    .append(' ')
                    .append(s.launchStatus())
                    .append(s.ec2InstanceId() == null ? "" : " " + s.ec2InstanceId())
                    .append(s.error() == null ? "" : ": " + s.error())
                    .append('\n');
        }
        if (sorted.size() > SERVERS_SHOWN) {
            Map<LaunchStatus, Integer> rest = new LinkedHashMap<>();
            sorted.subList(SERVERS_SHOWN, sorted.size()).forEach(s -> rest.merge(s.launchStatus(), 1, Integer::sum));
            body.append("  ... and ")
                    .append(sorted.size() - SERVERS_SHOWN)
                    .append(" more ")
                    .append(rest)
                    .append(": GET ")
                    .append(executionUrl)
                    .append('\n');
        }
    }

    private static @Nullable String rto(ExecutionRef x, ExecutionLifecycleEvent event, Instant now) {
        Instant start = event instanceof ExecutionCompleted e ? e.startedAt() : x.startedAt();
        if (start == null) {
            return null;
        }
        Instant end = now;
        if (event instanceof ExecutionCompleted e) {
            end = e.completedAt();
        } else if (event instanceof ExecutionFailed e) {
            end = e.failedAt();
        } else if (event instanceof ExecutionCancelled e) {
            end = e.cancelledAt();
        }
        Duration elapsed = Duration.between(start, end);
        if (x.rtoSeconds() == null) {
            return "Elapsed: " + duration(elapsed) + " (the plan sets no RTO)";
        }
        Duration rto = Duration.ofSeconds(x.rtoSeconds());
        return "Elapsed: " + duration(elapsed) + " of an RTO of " + duration(rto)
                + (elapsed.compareTo(rto) > 0 ? " - RTO EXCEEDED" : " - within the RTO");
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        return (s / 3600) + "h " + ((s % 3600) / 60) + "m";
    }

    /** The event for machines: metadata and data, a long server list cut to the first {@value #SERVERS_SHOWN}. */
    private static String json(
            ExecutionLifecycleEvent event, EventMetadata metadata, String status, Severity severity) {
        ObjectNode out = EventCodec.mapper().createObjectNode();
        out.put("notificationId", metadata.eventId());
        out.put("detailType", event.getClass().getSimpleName());
        out.put("status", status);
        out.put("severity", severity.name());
        out.set("metadata", EventCodec.mapper().valueToTree(metadata));
        ObjectNode data = EventCodec.mapper().valueToTree(event);
        JsonNode servers = data.get("servers");
        if (servers instanceof ArrayNode list && list.size() > SERVERS_SHOWN) {
            List<JsonNode> sorted = new ArrayList<>();
            list.forEach(sorted::add);
            sorted.sort(Comparator.comparing(
                    (JsonNode n) -> "LAUNCHED".equals(n.path("launchStatus").asText())));
            ArrayNode kept = data.putArray("servers");
            sorted.subList(0, SERVERS_SHOWN).forEach(kept::add);
            data.put("serversOmitted", list.size() - SERVERS_SHOWN);
        }
        out.set("data", data);
        return out.toString();
    }
}
