package dev.drsorchestrator.drsadapter.adapter.out.aws;

import static dev.drsorchestrator.drsadapter.adapter.out.aws.Failures.call;

import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.drsadapter.domain.JobView;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.RecoveryInstanceView;
import dev.drsorchestrator.drsadapter.domain.RecoverySnapshotView;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.drs.model.DescribeJobLogItemsResponse;
import software.amazon.awssdk.services.drs.model.DescribeJobsResponse;
import software.amazon.awssdk.services.drs.model.DescribeRecoveryInstancesResponse;
import software.amazon.awssdk.services.drs.model.DescribeRecoverySnapshotsResponse;
import software.amazon.awssdk.services.drs.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.drs.model.Job;
import software.amazon.awssdk.services.drs.model.JobLog;
import software.amazon.awssdk.services.drs.model.JobLogEvent;
import software.amazon.awssdk.services.drs.model.ParticipatingServer;
import software.amazon.awssdk.services.drs.model.RecoveryInstance;
import software.amazon.awssdk.services.drs.model.RecoverySnapshot;
import software.amazon.awssdk.services.drs.model.RecoverySnapshotsOrder;
import software.amazon.awssdk.services.drs.model.SourceServer;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;

/** {@link RecoveryApi} over the AWS SDK's DRS client (one per account and region), mapping DRS's shapes to ours. */
@ApplicationScoped
class DrsGateway implements RecoveryApi {

    /** DRS's limit on ids in one filter. */
    private static final int FILTER_IDS = 200;

    private static final int PAGE = 1000;

    private final ScopedClients clients;

    DrsGateway(ScopedClients clients) {
        this.clients = clients;
    }

    @Override
    public List<SourceServerState> sourceServers(Scope scope, Collection<SourceServerId> ids) {
        List<SourceServerState> out = new ArrayList<>();
        for (List<String> chunk :
                chunks(ids.stream().map(SourceServerId::value).distinct().toList(), FILTER_IDS)) {
            pages(
                    "DescribeSourceServers",
                    from -> clients.drsReads(scope)
                            .describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(chunk))
                                    .maxResults(PAGE)
                                    .nextToken(from)),
                    DescribeSourceServersResponse::nextToken,
                    page -> page.items().forEach(s -> out.add(state(s))));
        }
        return out;
    }

    @Override
    public void eachSourceServerPage(Scope scope, Consumer<List<SourceServerState>> consumer) {
        pages(
                "DescribeSourceServers",
                from -> clients.drsReads(scope)
                        .describeSourceServers(
                                r -> r.filters(f -> {}).maxResults(PAGE).nextToken(from)),
                DescribeSourceServersResponse::nextToken,
                page -> consumer.accept(
                        page.items().stream().map(DrsGateway::state).toList()));
    }

    @Override
    public JobView startRecovery(
            Scope scope,
            List<SourceServerId> servers,
            boolean drill,
            Map<SourceServerId, String> snapshots,
            Map<String, String> tags) {
        List<StartRecoveryRequestSourceServer> list = servers.stream()
                .map(s -> StartRecoveryRequestSourceServer.builder()
                        .sourceServerID(s.value())
                        .recoverySnapshotID(snapshots.get(s))
                        .build())
                .toList();
        return view(call(
                        "StartRecovery",
                        () -> clients.drsStarts(scope)
                                .startRecovery(r ->
                                        r.sourceServers(list).isDrill(drill).tags(tags)))
                .job());
    }

    @Override
    public String reverseReplication(Scope scope, RecoveryInstanceId instance) {
        return call(
                        "ReverseReplication",
                        () -> clients.drsStarts(scope).reverseReplication(r -> r.recoveryInstanceID(instance.value())))
                .reversedDirectionSourceServerArn();
    }

    @Override
    public void stopFailback(Scope scope, RecoveryInstanceId instance) {
        call("StopFailback", () -> clients.drsStarts(scope).stopFailback(r -> r.recoveryInstanceID(instance.value())));
    }

    @Override
    public List<RecoverySnapshotView> recoverySnapshots(
            Scope scope, SourceServerId server, @Nullable Instant notAfter, int max) {
        List<RecoverySnapshotView> out = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            DescribeRecoverySnapshotsResponse page = call(
                    "DescribeRecoverySnapshots",
                    () -> clients.drsReads(scope).describeRecoverySnapshots(r -> {
                        r.sourceServerID(server.value())
                                .order(RecoverySnapshotsOrder.DESC)
                                .maxResults(Math.min(max, PAGE))
                                .nextToken(from);
                        if (notAfter != null) {
                            r.filters(f -> f.toDateTime(notAfter.toString()));
                        }
                    }));
            for (RecoverySnapshot s : page.items()) {
                Instant t = time(s.timestamp() != null ? s.timestamp() : s.expectedTimestamp());
                if (t != null && (notAfter == null || !t.isAfter(notAfter)) && out.size() < max) {
                    out.add(new RecoverySnapshotView(server, s.snapshotID(), t));
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty() && out.size() < max);
        return out;
    }

    @Override
    public JobView startFailbackLaunch(Scope scope, List<RecoveryInstanceId> instances, Map<String, String> tags) {
        List<String> ids = instances.stream().map(RecoveryInstanceId::value).toList();
        return view(call(
                        "StartFailbackLaunch",
                        () -> clients.drsStarts(scope)
                                .startFailbackLaunch(
                                        r -> r.recoveryInstanceIDs(ids).tags(tags)))
                .job());
    }

    @Override
    public JobView terminateRecoveryInstances(Scope scope, List<RecoveryInstanceId> instances) {
        List<String> ids = instances.stream().map(RecoveryInstanceId::value).toList();
        return view(call(
                        "TerminateRecoveryInstances",
                        () -> clients.drsStarts(scope).terminateRecoveryInstances(r -> r.recoveryInstanceIDs(ids)))
                .job());
    }

    @Override
    public List<JobView> jobs(Scope scope, Collection<DrsJobId> ids) {
        List<JobView> out = new ArrayList<>();
        for (List<String> chunk :
                chunks(ids.stream().map(DrsJobId::value).distinct().toList(), 100)) {
            describeJobs(scope, f -> f.jobIDs(chunk), out);
        }
        return out;
    }

    @Override
    public List<JobView> jobsSince(Scope scope, Instant from) {
        List<JobView> out = new ArrayList<>();
        describeJobs(scope, f -> f.fromDate(from.toString()), out);
        return out;
    }

    private void describeJobs(
            Scope scope,
            Consumer<software.amazon.awssdk.services.drs.model.DescribeJobsRequestFilters.Builder> filters,
            List<JobView> out) {
        pages(
                "DescribeJobs",
                from -> clients.drsReads(scope)
                        .describeJobs(r -> r.filters(filters).maxResults(PAGE).nextToken(from)),
                DescribeJobsResponse::nextToken,
                page -> page.items().forEach(j -> out.add(view(j))));
    }

    @Override
    public Map<SourceServerId, String> launchFailures(Scope scope, DrsJobId job) {
        Map<SourceServerId, String> out = new LinkedHashMap<>();
        pages(
                "DescribeJobLogItems",
                from -> clients.drsReads(scope)
                        .describeJobLogItems(
                                r -> r.jobID(job.value()).maxResults(PAGE).nextToken(from)),
                DescribeJobLogItemsResponse::nextToken,
                page -> {
                    for (JobLog item : page.items()) {
                        if (item.event() == JobLogEvent.LAUNCH_FAILED
                                && item.eventData() != null
                                && item.eventData().sourceServerID() != null) {
                            String raw = item.eventData().rawError();
                            out.put(
                                    SourceServerId.of(item.eventData().sourceServerID()),
                                    raw == null || raw.isBlank() ? "DRS logged LAUNCH_FAILED without a message" : raw);
                        }
                    }
                });
        return out;
    }

    @Override
    public List<RecoveryInstanceView> recoveryInstances(Scope scope, Collection<SourceServerId> servers) {
        List<String> all =
                servers.stream().map(SourceServerId::value).distinct().toList();
        List<RecoveryInstanceView> out = new ArrayList<>();
        // No ids: every recovery instance of the scope, in one unfiltered listing.
        for (List<String> chunk : all.isEmpty() ? List.of(List.<String>of()) : chunks(all, FILTER_IDS)) {
            pages(
                    "DescribeRecoveryInstances",
                    from -> clients.drsReads(scope)
                            .describeRecoveryInstances(r -> r.filters(f -> {
                                        if (!chunk.isEmpty()) {
                                            f.sourceServerIDs(chunk);
                                        }
                                    })
                                    .maxResults(PAGE)
                                    .nextToken(from)),
                    DescribeRecoveryInstancesResponse::nextToken,
                    page -> page.items().forEach(ri -> out.add(view(ri))));
        }
        return out;
    }

    /** Calls a paged Describe operation until DRS returns no next token, handing each page over. */
    private static <R> void pages(
            String operation, Function<String, R> call, Function<R, String> nextToken, Consumer<R> each) {
        String token = null;
        do {
            String from = token;
            R page = call(operation, () -> call.apply(from));
            each.accept(page);
            token = nextToken.apply(page);
        } while (token != null && !token.isEmpty());
    }

    private static List<List<String>> chunks(List<String> all, int size) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    // ---- mapping

    static JobView view(Job job) {
        List<JobView.Participant> servers = new ArrayList<>();
        for (ParticipatingServer p : job.participatingServers()) {
            servers.add(new JobView.Participant(
                    SourceServerId.of(p.sourceServerID()),
                    launchStatus(p.launchStatusAsString()),
                    p.recoveryInstanceID() == null ? null : RecoveryInstanceId.of(p.recoveryInstanceID())));
        }
        return new JobView(
                DrsJobId.of(job.jobID()),
                JobStatus.valueOf(job.statusAsString()),
                time(job.creationDateTime()),
                time(job.endDateTime()),
                job.hasTags() ? job.tags() : Map.of(),
                servers);
    }

    private static LaunchStatus launchStatus(@Nullable String status) {
        if (status == null) {
            return LaunchStatus.PENDING;
        }
        try {
            return LaunchStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return LaunchStatus.PENDING;
        }
    }

    static RecoveryInstanceView view(RecoveryInstance ri) {
        String ec2 = ri.ec2InstanceID();
        return new RecoveryInstanceView(
                RecoveryInstanceId.of(ri.recoveryInstanceID()),
                ec2 == null || !Ec2InstanceId.PATTERN.matcher(ec2).matches() ? null : Ec2InstanceId.of(ec2),
                SourceServerId.of(ri.sourceServerID()),
                ri.jobID() == null ? null : DrsJobId.of(ri.jobID()),
                Boolean.TRUE.equals(ri.isDrill()),
                ri.hasTags() ? ri.tags() : Map.of(),
                ri.failback() == null ? null : ri.failback().stateAsString());
    }

    static SourceServerState state(SourceServer s) {
        var replication = s.dataReplicationInfo();
        ReplicationState state = ReplicationState.UNKNOWN;
        Long lag = null;
        if (replication != null) {
            try {
                state = ReplicationState.valueOf(replication.dataReplicationStateAsString());
            } catch (IllegalArgumentException | NullPointerException e) {
                state = ReplicationState.UNKNOWN;
            }
            if (replication.lagDuration() != null) {
                try {
                    lag = Duration.parse(replication.lagDuration()).getSeconds();
                } catch (DateTimeParseException e) {
                    lag = null;
                }
            }
        }
        var life = s.lifeCycle();
        LaunchStatus last =
                life == null || life.lastLaunch() == null || life.lastLaunch().status() == null
                        ? null
                        : launchStatus(life.lastLaunch().statusAsString());
        Instant seen = life == null ? null : time(life.lastSeenByServiceDateTime());
        String hostname = s.sourceProperties() == null || s.sourceProperties().identificationHints() == null
                ? null
                : s.sourceProperties().identificationHints().hostname();
        String instance = s.recoveryInstanceId();
        String direction = s.replicationDirectionAsString();
        return new SourceServerState(
                SourceServerId.of(s.sourceServerID()),
                hostname,
                s.hasTags() ? s.tags() : Map.of(),
                state,
                lag,
                null,
                last,
                instance == null
                                || !RecoveryInstanceId.PATTERN.matcher(instance).matches()
                        ? null
                        : RecoveryInstanceId.of(instance),
                seen == null ? Instant.EPOCH : seen,
                origin(s),
                direction == null || direction.isBlank() ? null : direction,
                s.reversedDirectionSourceServerArn());
    }

    /** EC2 when DRS shows the origin's cloud properties (a Region), on premises otherwise. */
    static ServerOrigin origin(SourceServer s) {
        var cloud = s.sourceCloudProperties();
        if (cloud == null
                || cloud.originRegion() == null
                || cloud.originRegion().isBlank()) {
            return ServerOrigin.ON_PREMISES;
        }
        String account = cloud.originAccountID();
        String instance = s.sourceProperties() == null || s.sourceProperties().identificationHints() == null
                ? null
                : s.sourceProperties().identificationHints().awsInstanceID();
        return new ServerOrigin(
                ServerOrigin.Type.EC2,
                account == null || !account.matches("\\d{12}") ? null : AccountId.of(account),
                cloud.originRegion(),
                cloud.originAvailabilityZone(),
                instance);
    }

    private static @Nullable Instant time(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
