package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which queued jobs may start now, without I/O. Per account and region: at most {@code concurrentJobs} jobs, at most
 * {@code serversInActiveJobs} servers in launch jobs, and a server in one job at a time. The queue is strict per
 * account and region: the oldest execution's job goes first, and a job that does not fit holds back later ones.
 */
public final class Capacity {

    private Capacity() {}

    public static List<JobRequest> startable(List<JobRequest> open, Function<Scope, Quotas> quotas) {
        Map<Scope, Usage> usage = new LinkedHashMap<>();
        for (JobRequest j : open) {
            if (j.holdsCapacity()) {
                usage.computeIfAbsent(j.scope(), s -> new Usage()).add(j);
            }
        }
        List<JobRequest> queued = new ArrayList<>(
                open.stream().filter(j -> j.phase == JobPhase.QUEUED).toList());
        queued.sort(Comparator.comparing(j -> j.queueKey));
        Set<Scope> blocked = new HashSet<>();
        List<JobRequest> out = new ArrayList<>();
        for (JobRequest j : queued) {
            Scope scope = j.scope();
            if (blocked.contains(scope)) {
                continue;
            }
            Usage u = usage.computeIfAbsent(scope, s -> new Usage());
            if (u.fits(j, quotas.apply(scope))) {
                u.add(j);
                out.add(j);
            } else {
                blocked.add(scope);
            }
        }
        return out;
    }

    private static final class Usage {
        int jobs;
        int servers;
        final Set<SourceServerId> busy = new HashSet<>();

        boolean fits(JobRequest j, Quotas q) {
            if (jobs + 1 > q.concurrentJobs()) {
                return false;
            }
            if (j.kind != JobKind.TERMINATE && servers + j.members.size() > q.serversInActiveJobs()) {
                return false;
            }
            return j.kind == JobKind.TERMINATE || j.serverIds().stream().noneMatch(busy::contains);
        }

        void add(JobRequest j) {
            jobs++;
            if (j.kind != JobKind.TERMINATE) {
                servers += j.members.size();
                busy.addAll(j.serverIds());
            }
        }
    }
}
