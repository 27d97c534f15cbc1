package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.FailbackStatus;
import dev.drsorchestrator.contracts.model.FailbackStep;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.FailbackRun;
import dev.drsorchestrator.drsadapter.domain.FailbackServer;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Member;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.RecoveryInstanceView;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The launch steps of a FAILBACK run: waiting for the Failback Client (on premises), the failback launch as job requests
 * of the launch queue (EC2 origin: {@code StartRecovery} of the reversed server in the origin Region; on premises:
 * {@code StartFailbackLaunch}), following its result, and {@code StopFailback} after {@code FAILBACK_ERROR}.
 */
@ApplicationScoped
class FailbackLaunches {

    private static final Logger LOG = Logger.getLogger(FailbackLaunches.class);

    private final RecoveryApi drs;
    private final JobStore store;
    private final Accounts accounts;
    private final Clock clock;

    FailbackLaunches(RecoveryApi drs, JobStore store, Accounts accounts, Clock clock) {
        this.drs = drs;
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** On-premises FAILBACK_CLIENT: wait for FAILBACK_READY_FOR_LAUNCH. */
    void awaitClients(FailbackRun run) {
        Map<Scope, List<FailbackServer>> waiting =
                group(run.servers, s -> s.step == FailbackStep.FAILBACK_CLIENT && !s.isFinal(), FailbackServer::scope);
        waiting.forEach((scope, servers) -> {
            Map<SourceServerId, RecoveryInstanceView> instances = instancesOf(scope, servers);
            if (instances == null) {
                return;
            }
            for (FailbackServer s : servers) {
                RecoveryInstanceView ri = instances.get(s.sourceServerId);
                if (ri == null) {
                    s.set(s.step, FailbackStatus.FAILED, "recovery instance " + s.recoveryInstanceId + " is gone");
                    continue;
                }
                s.failbackState = ri.failbackState();
                String state = String.valueOf(ri.failbackState());
                switch (state) {
                    case "FAILBACK_READY_FOR_LAUNCH" ->
                        s.set(
                                FailbackStep.FAILBACK_LAUNCH,
                                FailbackStatus.WAITING,
                                "the Failback Client is ready; starting the failback launch");
                    case "FAILBACK_COMPLETED" ->
                        s.set(FailbackStep.DONE, FailbackStatus.COMPLETED, "DRS shows the failback completed");
                    case "FAILBACK_NOT_READY_FOR_LAUNCH", "FAILBACK_IN_PROGRESS" ->
                        s.set(
                                FailbackStep.FAILBACK_CLIENT,
                                FailbackStatus.IN_PROGRESS,
                                "the Failback Client is connected and replicating (" + state + ")");
                    default ->
                        s.set(
                                FailbackStep.FAILBACK_CLIENT,
                                FailbackStatus.WAITING,
                                "waiting for the DRS Failback Client: boot it on the target machine of "
                                        + s.sourceServerId + " for recovery instance " + s.recoveryInstanceId
                                        + " (failback state " + state + ")");
                }
            }
        });
    }

    /** FAILBACK_LAUNCH without a job yet: job requests, batched within each scope's quota. */
    void launch(FailbackRun run, List<JobRequest> newJobs) {
        Map<Scope, List<FailbackServer>> due = group(
                run.servers,
                s -> s.step == FailbackStep.FAILBACK_LAUNCH && !s.isFinal() && s.jobRequestId == null,
                s -> s.ec2() ? s.reversed().orElseThrow().scope() : s.scope());
        Instant now = clock.instant();
        due.forEach((scope, servers) -> {
            int size = accounts.quotas(scope).jobSize();
            for (int i = 0; i < servers.size(); i += size) {
                List<FailbackServer> batch = servers.subList(i, Math.min(servers.size(), i + size));
                run.jobs++;
                boolean ec2 = batch.get(0).ec2();
                List<Member> members = batch.stream()
                        .map(s -> ec2
                                ? new Member(
                                        s.reversed().orElseThrow().sourceServerId(),
                                        s.criticality,
                                        null,
                                        null,
                                        s.sourceServerId)
                                : new Member(s.sourceServerId, s.criticality, s.recoveryInstanceId))
                        .toList();
                JobRequest job = JobRequest.planned(
                        "JOB#" + run.executionId.value() + "#" + run.waveId.value() + "#" + run.attempt + "#F"
                                + run.jobs,
                        ec2 ? JobKind.LAUNCH : JobKind.FAILBACK,
                        run.executionId,
                        run.planId.value(),
                        scope,
                        run.attempt,
                        run.jobs,
                        false,
                        members,
                        String.format(
                                "%013d#%s#%013d#%s#%04d#F%04d",
                                run.createdAt.toEpochMilli(),
                                run.executionId.value(),
                                now.toEpochMilli(),
                                run.waveId.value(),
                                run.attempt,
                                run.jobs),
                        now,
                        Metadata.of(run.executionId, run.causationId, run.traceparent, now));
                job.causationId = run.causationId;
                job.traceparent = run.traceparent;
                job.waveId = run.waveId;
                job.batchCount = run.jobs;
                newJobs.add(job);
                for (FailbackServer s : batch) {
                    s.jobRequestId = job.id;
                    s.set(
                            FailbackStep.FAILBACK_LAUNCH,
                            FailbackStatus.IN_PROGRESS,
                            ec2
                                    ? "StartRecovery of "
                                            + s.reversed().orElseThrow().sourceServerId() + " in " + scope
                                            + " (the origin) is queued"
                                    : "StartFailbackLaunch of " + s.recoveryInstanceId + " is queued");
                }
            }
        });
    }

    /** FAILBACK_LAUNCH with a job: its result, and for on-premises servers the failback state. */
    void followLaunches(FailbackRun run) {
        List<FailbackServer> launching = run.servers.stream()
                .filter(s -> s.step == FailbackStep.FAILBACK_LAUNCH && !s.isFinal() && s.jobRequestId != null)
                .toList();
        if (launching.isEmpty()) {
            return;
        }
        Map<String, Optional<JobRequest>> jobs = new HashMap<>();
        List<FailbackServer> onPremises = new ArrayList<>();
        for (FailbackServer s : launching) {
            JobRequest job = jobs.computeIfAbsent(s.jobRequestId, store::job).orElse(null);
            if (job == null) {
                continue;
            }
            s.jobId = job.jobId;
            SourceServerId participant = s.ec2() ? s.reversed().orElseThrow().sourceServerId() : s.sourceServerId;
            ServerLaunchState state = job.reported.get(participant);
            if (job.phase == JobPhase.DONE && state == null) {
                s.set(
                        s.step,
                        FailbackStatus.FAILED,
                        "DRS refused the failback launch: "
                                + (job.lastError == null ? "no reason given" : job.lastError));
                continue;
            }
            if (!s.ec2()) {
                onPremises.add(s);
                continue;
            }
            if (state == null) {
                continue;
            }
            if (state.launchStatus() == LaunchStatus.LAUNCHED && state.recoveryInstanceId() != null) {
                s.failedBackInstanceId = state.recoveryInstanceId();
                if (run.options.restoreDirection()) {
                    s.reverseIntentAt = null;
                    s.set(
                            FailbackStep.RESTORE_DIRECTION,
                            FailbackStatus.IN_PROGRESS,
                            "failed back as " + state.recoveryInstanceId() + "; calling ReverseReplication to protect"
                                    + " it in the original direction");
                } else {
                    s.set(
                            FailbackStep.DONE,
                            FailbackStatus.COMPLETED,
                            "failed back as " + state.recoveryInstanceId() + " in "
                                    + s.reversed().orElseThrow().scope());
                }
            } else if (state.launchStatus() == LaunchStatus.FAILED || state.launchStatus() == LaunchStatus.TERMINATED) {
                s.set(s.step, FailbackStatus.FAILED, "the launch at the origin failed: " + state.error());
            } else {
                s.detail = "StartRecovery in the origin: " + state.launchStatus();
            }
        }
        group(onPremises, s -> true, FailbackServer::scope).forEach((scope, servers) -> {
            Map<SourceServerId, RecoveryInstanceView> instances = instancesOf(scope, servers);
            if (instances == null) {
                return;
            }
            for (FailbackServer s : servers) {
                RecoveryInstanceView ri = instances.get(s.sourceServerId);
                s.failbackState = ri == null ? s.failbackState : ri.failbackState();
                JobRequest job = jobs.get(s.jobRequestId).orElseThrow();
                ServerLaunchState launch = job.reported.get(s.sourceServerId);
                if ("FAILBACK_COMPLETED".equals(s.failbackState)) {
                    s.set(FailbackStep.DONE, FailbackStatus.COMPLETED, "DRS shows FAILBACK_COMPLETED");
                } else if (launch != null && launch.launchStatus() == LaunchStatus.FAILED) {
                    stop(s, launch.error());
                } else if ("FAILBACK_ERROR".equals(s.failbackState)) {
                    if (job.phase == JobPhase.DONE) {
                        stop(s, launch == null ? null : launch.error());
                    } else {
                        s.detail = "FAILBACK_ERROR; reading DRS's reason from job " + job.jobId;
                    }
                } else {
                    s.detail = "StartFailbackLaunch: failback state " + s.failbackState;
                }
            }
        });
    }

    /** After FAILBACK_ERROR: StopFailback, so the instance can be failed back again by a retry. */
    private void stop(FailbackServer s, @Nullable String error) {
        String reason = "the failback launch failed (" + s.failbackState + "): "
                + (error == null ? "DRS gave no reason" : error);
        if (!s.stopped) {
            try {
                drs.stopFailback(s.scope(), s.recoveryInstanceId);
                s.stopped = true;
            } catch (DrsCallFailed e) {
                if (e.kind() == DrsCallFailed.Kind.THROTTLED || e.kind() == DrsCallFailed.Kind.AMBIGUOUS) {
                    s.detail = reason + "; StopFailback failed (" + e.getMessage() + "), trying again";
                    return;
                }
                s.set(s.step, FailbackStatus.FAILED, reason + "; StopFailback was refused: " + e.getMessage());
                return;
            }
        }
        s.set(
                s.step,
                FailbackStatus.FAILED,
                reason + "; StopFailback returned the instance to FAILBACK_NOT_STARTED: boot the Failback Client again"
                        + " and retry the wave");
    }

    private @Nullable Map<SourceServerId, RecoveryInstanceView> instancesOf(Scope scope, List<FailbackServer> servers) {
        Map<SourceServerId, RecoveryInstanceView> out = new HashMap<>();
        try {
            for (RecoveryInstanceView ri : drs.recoveryInstances(
                    scope, servers.stream().map(s -> s.sourceServerId).toList())) {
                servers.stream()
                        .filter(s -> s.recoveryInstanceId.equals(ri.recoveryInstanceId()))
                        .findFirst()
                        .ifPresent(s -> out.put(s.sourceServerId, ri));
            }
        } catch (DrsCallFailed e) {
            LOG.warnf(
                    "DescribeRecoveryInstances in %s failed: %s; looking again at the next pass",
                    scope, e.getMessage());
            return null;
        }
        return out;
    }

    private static Map<Scope, List<FailbackServer>> group(
            List<FailbackServer> servers, Predicate<FailbackServer> which, Function<FailbackServer, Scope> by) {
        Map<Scope, List<FailbackServer>> out = new LinkedHashMap<>();
        for (FailbackServer s : servers) {
            if (which.test(s)) {
                out.computeIfAbsent(by.apply(s), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }
}
