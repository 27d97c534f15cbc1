package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.aws.AwsEvent;
import dev.drsorchestrator.contracts.aws.AwsEventParser;
import dev.drsorchestrator.contracts.aws.DrsDataReplicationStalledChange;
import dev.drsorchestrator.contracts.aws.DrsSourceServerLaunchResult;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.ConflictException;
import software.amazon.awssdk.services.drs.model.Job;
import software.amazon.awssdk.services.drs.model.JobStatus;
import software.amazon.awssdk.services.drs.model.LaunchStatus;
import software.amazon.awssdk.services.drs.model.ParticipatingServer;
import software.amazon.awssdk.services.drs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.drs.model.SourceServer;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;
import software.amazon.awssdk.services.drs.model.ThrottlingException;
import software.amazon.awssdk.services.drs.model.ValidationException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(DevstackExtension.class)
class DrsSimulatorTest {
    private static final DrsSettings.Timings FAST = new DrsSettings.Timings(20, 10, 30, 80, 20);

    private final Devstack devstack;
    private final Clients clients;
    private final DrsClient drs;
    private final SqsClient sqs;

    DrsSimulatorTest(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
        this.drs = clients.drs();
        this.sqs = clients.sqs();
    }

    @BeforeEach
    void reset() {
        devstack.reset();
        devstack.drs().timings(FAST);
    }

    private List<String> fleet(int count, double notReady) {
        return devstack
                .drs()
                .generateFleet(new DrsSimulator.FleetSpec(count, null, null, null, notReady, null))
                .stream()
                .map(s -> s.path("sourceServerID").asText())
                .toList();
    }

    private static List<StartRecoveryRequestSourceServer> servers(List<String> ids) {
        return ids.stream()
                .map(id -> StartRecoveryRequestSourceServer.builder()
                        .sourceServerID(id)
                        .build())
                .toList();
    }

    private Job awaitCompleted(String jobId) {
        Job[] job = new Job[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    job[0] = drs.describeJobs(b -> b.filters(f -> f.jobIDs(jobId)))
                            .items()
                            .get(0);
                    return job[0].status() == JobStatus.COMPLETED;
                });
        return job[0];
    }

    /** A queue that gets every aws.drs event from the default bus, as the drs-adapter's rule would route them. */
    private String drsEventQueue() {
        String url = clients.queue(sqs, "drs-events");
        var events = clients.events();
        events.putRule(b -> b.name("drs").eventPattern("{\"source\":[\"aws.drs\"]}"));
        events.putTargets(b -> b.rule("drs")
                .targets(
                        Target.builder().id("q").arn(clients.queueArn(sqs, url)).build()));
        return url;
    }

    private List<AwsEvent> awaitEvents(String url, int count) {
        List<AwsEvent> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Message> batch = sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            for (Message m : batch) {
                got.add(AwsEventParser.parse(m.body()));
                sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            return got.size() >= count;
        });
        return got;
    }

    @Test
    void describeSourceServersPagesAndFilters() {
        List<String> ids = fleet(25, 0);
        var first = drs.describeSourceServers(b -> b.maxResults(10));
        assertThat(first.items()).hasSize(10);
        var second = drs.describeSourceServers(b -> b.maxResults(10).nextToken(first.nextToken()));
        var third = drs.describeSourceServers(b -> b.maxResults(10).nextToken(second.nextToken()));
        assertThat(third.items()).hasSize(5);
        assertThat(third.nextToken()).isNull();
        List<String> paged = new ArrayList<>();
        for (var page : List.of(first, second, third)) {
            page.items().forEach(s -> paged.add(s.sourceServerID()));
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids);
        // the SDK's paginator walks the same pages
        assertThat(drs.describeSourceServersPaginator(b -> b.maxResults(7)).items().stream()
                        .count())
                .isEqualTo(25);

        SourceServer one = drs.describeSourceServers(b -> b.filters(f -> f.sourceServerIDs(ids.get(3))))
                .items()
                .get(0);
        assertThat(one.sourceServerID()).isEqualTo(ids.get(3)).matches("s-[0-9a-f]{17}");
        assertThat(one.arn()).isEqualTo("arn:aws:drs:us-east-1:000000000000:source-server/" + ids.get(3));
        assertThat(one.dataReplicationInfo().dataReplicationStateAsString()).isEqualTo("CONTINUOUS");
        assertThat(one.sourceProperties().identificationHints().hostname()).isEqualTo("web-0004");
        assertThat(one.tags()).containsEntry("Tier", "web");
        assertThat(one.sourceProperties().recommendedInstanceType()).isEqualTo("t3.medium");
    }

    @Test
    void aDrillGoesThroughItsLifecycleAndSendsItsLaunchResults() {
        String queue = drsEventQueue();
        List<String> ids = fleet(3, 0);
        devstack.drs().timings(new DrsSettings.Timings(50, 50, 400, 400, 20));
        Job started = drs.startRecovery(b -> b.isDrill(true)
                        .sourceServers(servers(ids))
                        .tags(Map.of("executionId", "exec-1", "waveId", "wave-1")))
                .job();
        assertThat(started.status()).isEqualTo(JobStatus.PENDING);
        assertThat(started.initiatedByAsString()).isEqualTo("START_DRILL");
        assertThat(started.participatingServers())
                .extracting(ParticipatingServer::launchStatus)
                .containsOnly(LaunchStatus.PENDING);
        assertThat(started.tags()).containsEntry("executionId", "exec-1");

        Set<LaunchStatus> seen = new java.util.HashSet<>();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    Job j = drs.describeJobs(b -> b.filters(f -> f.jobIDs(started.jobID())))
                            .items()
                            .get(0);
                    j.participatingServers().forEach(p -> seen.add(p.launchStatus()));
                    return j.status() == JobStatus.COMPLETED;
                });
        assertThat(seen).contains(LaunchStatus.IN_PROGRESS, LaunchStatus.LAUNCHED);

        Job done = awaitCompleted(started.jobID());
        assertThat(done.endDateTime()).isNotBlank();
        assertThat(done.participatingServers()).allSatisfy(p -> {
            assertThat(p.launchStatus()).isEqualTo(LaunchStatus.LAUNCHED);
            assertThat(p.recoveryInstanceID()).matches("i-[0-9a-f]{17}");
        });
        var instances = drs.describeRecoveryInstances(b -> b.filters(f -> f.sourceServerIDs(ids)))
                .items();
        assertThat(instances).hasSize(3).allSatisfy(i -> {
            assertThat(i.isDrill()).isTrue();
            assertThat(i.jobID()).isEqualTo(started.jobID());
            assertThat(i.ec2InstanceStateAsString()).isEqualTo("RUNNING");
        });

        List<AwsEvent> events = awaitEvents(queue, 3);
        assertThat(events).allSatisfy(e -> {
            DrsSourceServerLaunchResult r = (DrsSourceServerLaunchResult) e;
            assertThat(r.succeeded()).isTrue();
            assertThat(r.drill()).isTrue();
            assertThat(r.jobId().value()).isEqualTo(started.jobID());
        });
        assertThat(events.stream()
                        .map(e -> ((DrsSourceServerLaunchResult) e)
                                .sourceServerId()
                                .value()))
                .containsExactlyInAnyOrderElementsOf(ids);

        var log = drs.describeJobLogItems(b -> b.jobID(started.jobID())).items();
        assertThat(log.get(0).eventAsString()).isEqualTo("JOB_START");
        assertThat(log.get(log.size() - 1).eventAsString()).isEqualTo("JOB_END");
    }

    @Test
    void unreadyServersAndInjectedFaultsFailTheirLaunch() {
        String queue = drsEventQueue();
        List<String> ids = fleet(3, 0);
        devstack.drs().setReplication(ids.get(0), "INITIAL_SYNC", null);
        devstack.drs().faults(new DrsSettings.Faults(Set.of(ids.get(1)), 0, 0, 0, 0, 0, false));
        Job job = awaitCompleted(
                drs.startRecovery(b -> b.sourceServers(servers(ids))).job().jobID());
        Map<String, LaunchStatus> status = job.participatingServers().stream()
                .collect(Collectors.toMap(ParticipatingServer::sourceServerID, ParticipatingServer::launchStatus));
        assertThat(status)
                .containsEntry(ids.get(0), LaunchStatus.FAILED)
                .containsEntry(ids.get(1), LaunchStatus.FAILED)
                .containsEntry(ids.get(2), LaunchStatus.LAUNCHED);
        assertThat(drs.describeJobLogItems(b -> b.jobID(job.jobID())).items())
                .filteredOn(l -> l.eventAsString().equals("LAUNCH_FAILED"))
                .extracting(l -> l.eventData().rawError())
                .anySatisfy(e -> assertThat(e).contains("no point-in-time snapshot"));
        List<AwsEvent> events = awaitEvents(queue, 3);
        assertThat(events.stream()
                        .filter(e -> !((DrsSourceServerLaunchResult) e).succeeded())
                        .count())
                .isEqualTo(2);
    }

    @Test
    void quotasAreEnforcedWithDrsExceptionTypes() {
        List<String> ids = fleet(12, 0);
        devstack.drs().timings(new DrsSettings.Timings(5_000, 0, 0, 0, 0));
        devstack.drs().quotas(new DrsSettings.Quotas(4, 2, 6, 200));
        assertThatThrownBy(() -> drs.startRecovery(b -> b.sourceServers(servers(ids.subList(0, 5)))))
                .isInstanceOf(ServiceQuotaExceededException.class)
                .hasMessageContaining("quota of 4 source servers per job");
        String first = drs.startRecovery(b -> b.sourceServers(servers(ids.subList(0, 4))))
                .job()
                .jobID();
        assertThatThrownBy(() -> drs.startRecovery(b -> b.sourceServers(servers(ids.subList(3, 5)))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(ids.get(3))
                .hasMessageContaining(first);
        assertThatThrownBy(() -> drs.startRecovery(b -> b.sourceServers(servers(ids.subList(4, 7)))))
                .isInstanceOf(ServiceQuotaExceededException.class)
                .hasMessageContaining("quota of 6 source servers in all active jobs");
        drs.startRecovery(b -> b.sourceServers(servers(ids.subList(4, 6))));
        assertThatThrownBy(() -> drs.startRecovery(b -> b.sourceServers(servers(ids.subList(8, 9)))))
                .isInstanceOf(ServiceQuotaExceededException.class)
                .hasMessageContaining("quota of 2 concurrent jobs");
        assertThat(devstack.drs().calls().since(0, "StartRecovery"))
                .extracting(CallLog.Call::outcome)
                .containsExactly(
                        "ServiceQuotaExceededException",
                        "OK",
                        "ConflictException",
                        "ServiceQuotaExceededException",
                        "OK",
                        "ServiceQuotaExceededException");
    }

    @Test
    void unknownServersAndBadRequestsAreValidationErrors() {
        fleet(1, 0);
        assertThatThrownBy(() -> drs.startRecovery(b -> b.sourceServers(servers(List.of("s-00000000000000000")))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("source server s-00000000000000000 does not exist");
        assertThatThrownBy(() -> drs.startRecovery(b -> b.sourceServers(servers(List.of("bogus")))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'bogus' is not a source server id");
        assertThatThrownBy(() -> drs.terminateRecoveryInstances(b -> b.recoveryInstanceIDs("i-00000000000000000")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("recovery instance i-00000000000000000 does not exist");
    }

    @Test
    void stoppingReplicationMakesTheNextLaunchFail() {
        List<String> ids = fleet(2, 0);
        var stopped = drs.stopReplication(b -> b.sourceServerID(ids.get(0))).sourceServer();
        assertThat(stopped.dataReplicationInfo().dataReplicationStateAsString()).isEqualTo("STOPPED");
        assertThat(drs.disconnectSourceServer(b -> b.sourceServerID(ids.get(1)))
                        .dataReplicationInfo()
                        .dataReplicationStateAsString())
                .isEqualTo("DISCONNECTED");
        Job job = awaitCompleted(
                drs.startRecovery(b -> b.sourceServers(servers(ids))).job().jobID());
        assertThat(job.participatingServers())
                .extracting(ParticipatingServer::launchStatus)
                .containsOnly(LaunchStatus.FAILED);
        assertThat(drs.describeRecoverySnapshots(b -> b.sourceServerID(ids.get(0)))
                        .items())
                .isEmpty();
    }

    @Test
    void delayedEventsArriveLate() {
        String queue = drsEventQueue();
        String id = fleet(1, 0).get(0);
        devstack.drs().faults(new DrsSettings.Faults(Set.of(), 0, 0, 0, 0, 1500, false));
        devstack.drs().setReplication(id, "STALLED", null);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(0)).messages())
                .isEmpty();
        assertThat(awaitEvents(queue, 1)).singleElement().isInstanceOf(DrsDataReplicationStalledChange.class);
    }

    @Test
    void throttledCallsAnswer429ThrottlingException() {
        fleet(1, 0);
        devstack.drs().faults(new DrsSettings.Faults(Set.of(), 0, 1.0, 0, 0, 0, false));
        assertThatThrownBy(() -> drs.describeSourceServers(b -> {}))
                .isInstanceOf(ThrottlingException.class)
                .satisfies(
                        e -> assertThat(((ThrottlingException) e).statusCode()).isEqualTo(429));
        // the SDK retried, and every attempt is in the log
        assertThat(devstack.drs().calls().since(0, "DescribeSourceServers"))
                .hasSizeGreaterThan(1)
                .extracting(CallLog.Call::outcome)
                .containsOnly("ThrottlingException");
    }

    @Test
    void terminatingRecoveryInstancesRemovesThem() {
        List<String> ids = fleet(2, 0);
        Job launch = awaitCompleted(drs.startRecovery(b -> b.isDrill(true).sourceServers(servers(ids)))
                .job()
                .jobID());
        devstack.drs().timings(new DrsSettings.Timings(10, 0, 0, 0, 500));
        List<String> instances = launch.participatingServers().stream()
                .map(ParticipatingServer::recoveryInstanceID)
                .toList();
        Job terminate = drs.terminateRecoveryInstances(b -> b.recoveryInstanceIDs(instances))
                .job();
        assertThat(terminate.typeAsString()).isEqualTo("TERMINATE");
        assertThat(terminate.initiatedByAsString()).isEqualTo("TERMINATE_RECOVERY_INSTANCES");
        assertThatThrownBy(() -> drs.terminateRecoveryInstances(b -> b.recoveryInstanceIDs(instances.get(0))))
                .isInstanceOf(ConflictException.class);
        Job done = awaitCompleted(terminate.jobID());
        assertThat(done.participatingServers())
                .extracting(ParticipatingServer::launchStatus)
                .containsOnly(LaunchStatus.TERMINATED);
        assertThat(drs.describeRecoveryInstances(b -> {}).items()).isEmpty();
        assertThat(drs.describeSourceServers(b -> {}).items())
                .allSatisfy(s -> assertThat(s.recoveryInstanceId()).isNull());
    }

    @Test
    void snapshotsCanBeListedAndChosenForALaunch() {
        String id = fleet(1, 0).get(0);
        var snapshots = drs.describeRecoverySnapshots(
                        b -> b.sourceServerID(id).order("DESC").maxResults(3))
                .items();
        assertThat(snapshots).hasSize(3);
        assertThat(snapshots.get(0).expectedTimestamp())
                .isGreaterThan(snapshots.get(1).expectedTimestamp());
        String chosen = snapshots.get(1).snapshotID();
        Job job = drs.startRecovery(b -> b.sourceServers(StartRecoveryRequestSourceServer.builder()
                        .sourceServerID(id)
                        .recoverySnapshotID(chosen)
                        .build()))
                .job();
        assertThat(awaitCompleted(job.jobID()).participatingServers().get(0).launchStatus())
                .isEqualTo(LaunchStatus.LAUNCHED);
        assertThatThrownBy(() -> drs.startRecovery(b -> b.sourceServers(StartRecoveryRequestSourceServer.builder()
                        .sourceServerID(id)
                        .recoverySnapshotID("pit-00000000000000000")
                        .build())))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void stallingReplicationSendsTheStalledChangeEvent() {
        String queue = drsEventQueue();
        String id = fleet(1, 0).get(0);
        assertThat(clients.admin("PUT", "drs/servers/" + id + "/replication", "{\"state\":\"STALLED\"}")
                        .statusCode())
                .isEqualTo(200);
        devstack.drs().setReplication(id, "CONTINUOUS", "PT5S");
        List<AwsEvent> events = awaitEvents(queue, 2);
        assertThat(events)
                .extracting(e -> ((DrsDataReplicationStalledChange) e).stalled())
                .containsExactly(true, false);
        assertThat(drs.describeSourceServers(b -> {})
                        .items()
                        .get(0)
                        .dataReplicationInfo()
                        .lagDuration())
                .isEqualTo("PT5S");
    }

    @Test
    void droppedAndDuplicatedEventsFollowTheFaults() {
        String queue = drsEventQueue();
        List<String> ids = fleet(20, 0);
        devstack.drs().faults(new DrsSettings.Faults(Set.of(), 0, 0, 0, 1.0, 0, true));
        awaitCompleted(
                drs.startRecovery(b -> b.sourceServers(servers(ids))).job().jobID());
        // every launch result twice, and the job state change twice
        assertThat(awaitEvents(queue, 42)).hasSize(42);

        devstack.drs().faults(new DrsSettings.Faults(Set.of(), 0, 0, 1.0, 0, 0, true));
        awaitCompleted(
                drs.startRecovery(b -> b.sourceServers(servers(ids))).job().jobID());
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(0)).messages())
                .isEmpty();
    }

    @Test
    void anAssumedRoleSeesItsOwnAccountsFleet() {
        fleet(2, 0);
        devstack.drs().generateFleet(new DrsSimulator.FleetSpec(3, List.of("222233334444"), null, null, 0, "b-"));
        var creds = clients.sts()
                .assumeRole(b -> b.roleArn("arn:aws:iam::222233334444:role/drs-orchestrator")
                        .roleSessionName("drill"))
                .credentials();
        DrsClient other = clients.drs(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())));
        assertThat(other.describeSourceServers(b -> {}).items())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.arn()).contains(":222233334444:"));
        assertThat(drs.describeSourceServers(b -> {}).items()).hasSize(2);
        assertThat(devstack.drs().calls().all())
                .extracting(CallLog.Call::account)
                .containsExactly("222233334444", "000000000000");
    }

    @Test
    void theSameSeedAndCallsGiveTheSameCallLog() {
        List<List<Object>> first = scriptedRun();
        List<List<Object>> second = scriptedRun();
        assertThat(second).isEqualTo(first);
        assertThat(first).hasSizeGreaterThan(5);
    }

    /** Resets to the seed, runs a fixed script with faults, returns the log without its timestamps. */
    private List<List<Object>> scriptedRun() {
        devstack.reset();
        devstack.drs().timings(FAST);
        List<String> ids = fleet(10, 0.2);
        devstack.drs().faults(new DrsSettings.Faults(Set.of(), 0.3, 0.2, 0, 0, 0, false));
        try {
            drs.describeSourceServers(b -> b.maxResults(4));
        } catch (SdkException e) {
            // throttled past the SDK's retries: part of the script's repeatable outcome
        }
        for (int i = 0; i < 3; i++) {
            int from = i * 3;
            try {
                String job = drs.startRecovery(b -> b.isDrill(true).sourceServers(servers(ids.subList(from, from + 3))))
                        .job()
                        .jobID();
                awaitCompletedIgnoringThrottles(job);
            } catch (SdkException e) {
                // throttled past the SDK's retries: part of the script's repeatable outcome
            }
        }
        try {
            drs.describeRecoveryInstances(b -> {});
        } catch (SdkException e) {
            // as above
        }
        JsonNode instances = Json.MAPPER.valueToTree(devstack.drs().allRecoveryInstances());
        List<List<Object>> out = new ArrayList<>();
        for (CallLog.Call c : devstack.drs().calls().all()) {
            if (!c.operation().equals("DescribeJobs")) {
                out.add(List.of(
                        c.seq(), c.operation(), c.request().toString(), c.outcome(), String.valueOf(c.result())));
            }
        }
        List<Object> ids2 = new ArrayList<>();
        instances.forEach(i -> ids2.add(i.path("recoveryInstanceID").asText()));
        out.add(ids2);
        return out;
    }

    private void awaitCompletedIgnoringThrottles(String jobId) {
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(ThrottlingException.class)
                .until(() -> devstack.drs().allJobs().stream()
                        .anyMatch(j -> j.path("jobID").asText().equals(jobId)
                                && j.path("status").asText().equals("COMPLETED")));
    }
}
