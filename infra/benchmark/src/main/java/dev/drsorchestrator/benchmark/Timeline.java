package dev.drsorchestrator.benchmark;

import dev.drsorchestrator.benchmark.DrsLog.Job;
import dev.drsorchestrator.benchmark.DrsLog.Start;
import dev.drsorchestrator.benchmark.Plans.Plan;
import dev.drsorchestrator.benchmark.Stats.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One execution of a plan as the DRS simulator saw it: when each wave's launches began and its jobs ended. */
public final class Timeline {

    private final Plan plan;
    private final List<Start> starts;
    private final DrsLog log;

    /** The StartRecovery calls in {@code log} for {@code plan}'s servers (the log read after the run began). */
    public Timeline(Plan plan, DrsLog log) {
        this.plan = plan;
        this.log = log;
        Set<String> servers = plan.allServers();
        this.starts = log.starts().stream()
                .filter(s -> s.servers().stream().anyMatch(servers::contains))
                .toList();
    }

    /** When the wave's first StartRecovery arrived (refused ones too); null if it never launched. */
    public Instant firstStart(int wave) {
        return starts.stream()
                .filter(s -> plan.waveOf(s.servers().get(0)) == wave)
                .map(Start::at)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** When the wave's last DRS job ended; null if one has not ended. */
    public Instant lastJobEnd(int wave) {
        Instant last = null;
        for (Job j : jobs(wave)) {
            if (j.ended() == null) {
                return null;
            }
            if (last == null || j.ended().isAfter(last)) {
                last = j.ended();
            }
        }
        return last;
    }

    /**
     * Each wave transition in milliseconds: wave k's first StartRecovery minus wave k-1's last job end, k = 2..n.
     */
    public List<Double> transitions() {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k < plan.waves().size(); k++) {
            Instant end = lastJobEnd(k - 1);
            Instant start = firstStart(k);
            if (end != null && start != null) {
                out.add(Stats.millis(end, start));
            }
        }
        return out;
    }

    /** How long at least one DRS job of the execution was running (StartRecovery → the job's end). */
    public Duration inDrs() {
        List<Interval> intervals = new ArrayList<>();
        for (Start s : starts) {
            Job j = s.jobId() == null ? null : log.job(s.jobId());
            if (j != null && j.ended() != null) {
                intervals.add(new Interval(s.at(), j.ended()));
            }
        }
        return Stats.union(intervals);
    }

    /** StartRecovery calls of the execution, accepted or not. */
    public int startCalls() {
        return starts.size();
    }

    public int jobs() {
        return (int) starts.stream().filter(s -> s.jobId() != null).count();
    }

    private List<Job> jobs(int wave) {
        List<Job> out = new ArrayList<>();
        for (Start s : starts) {
            if (s.jobId() != null && plan.waveOf(s.servers().get(0)) == wave) {
                Job j = log.job(s.jobId());
                if (j != null) {
                    out.add(j);
                }
            }
        }
        return out;
    }
}
