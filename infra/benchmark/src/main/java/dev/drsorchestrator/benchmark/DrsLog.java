package dev.drsorchestrator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the DRS simulator saw after a point: its call log ({@code /_devstack/drs/calls}: when each call arrived, for
 * which servers, its outcome and the job it made) and its jobs ({@code /_devstack/drs/jobs}: when each ended).
 */
public final class DrsLog {

    /** A StartRecovery: when it arrived, the servers it named, its outcome and the job it made (null if refused). */
    public record Start(
            Instant at,
            List<String> servers,
            String outcome,
            @Nullable String jobId) {}

    /** A launch job: when it was made and when it ended (null while it runs), with its servers. */
    public record Job(String id, Instant created, @Nullable Instant ended, List<String> servers) {}

    private final List<JsonNode> calls;
    private final Map<String, Job> jobs = new HashMap<>();

    private DrsLog(List<JsonNode> calls, List<JsonNode> allJobs) {
        this.calls = calls;
        for (JsonNode j : allJobs) {
            List<String> servers = new ArrayList<>();
            j.path("participatingServers")
                    .forEach(p -> servers.add(p.path("sourceServerID").asText()));
            String ended = j.path("endDateTime").asText(null);
            jobs.put(
                    j.path("jobID").asText(),
                    new Job(
                            j.path("jobID").asText(),
                            time(j.path("creationDateTime").asText()),
                            ended == null ? null : time(ended),
                            servers));
        }
    }

    /** The calls after {@code seq} (see {@link DevstackAdmin#lastCall()}) and every job so far. */
    public static DrsLog read(Harness h, long seq) {
        List<JsonNode> allJobs = new ArrayList<>();
        h.anonymous
                .get(h.url(Component.DEVSTACK, "/_devstack/drs/jobs"))
                .expect(200)
                .json()
                .forEach(allJobs::add);
        return new DrsLog(h.devstack.calls(null, seq), allJobs);
    }

    /** The StartRecovery calls, in order. */
    public List<Start> starts() {
        List<Start> out = new ArrayList<>();
        for (JsonNode c : calls) {
            if (c.path("operation").asText().equals("StartRecovery")) {
                List<String> servers = new ArrayList<>();
                c.path("request")
                        .path("sourceServers")
                        .forEach(s -> servers.add(s.path("sourceServerID").asText()));
                String outcome = c.path("outcome").asText();
                String job = outcome.equals("OK") ? c.path("result").asText(null) : null;
                out.add(new Start(time(c.path("at").asText()), servers, outcome, job));
            }
        }
        return out;
    }

    public @Nullable Job job(String id) {
        return jobs.get(id);
    }

    /** How many calls had each outcome, per operation: {@code {"StartRecovery": {"OK": 20}, …}}. */
    public Map<String, Map<String, Integer>> outcomes() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (JsonNode c : calls) {
            out.computeIfAbsent(c.path("operation").asText(), o -> new TreeMap<>())
                    .merge(c.path("outcome").asText(), 1, Integer::sum);
        }
        return out;
    }

    /** How many calls had each outcome, every operation together. */
    public Map<String, Integer> outcomeTotals() {
        Map<String, Integer> out = new TreeMap<>();
        outcomes().values().forEach(m -> m.forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }

    public int calls() {
        return calls.size();
    }

    static Instant time(String iso) {
        try {
            return Instant.parse(iso);
        } catch (RuntimeException e) {
            return OffsetDateTime.parse(iso).toInstant();
        }
    }
}
