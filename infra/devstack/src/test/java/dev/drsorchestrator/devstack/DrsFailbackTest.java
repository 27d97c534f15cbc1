package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.aws.AwsEvent;
import dev.drsorchestrator.contracts.aws.AwsEventParser;
import dev.drsorchestrator.contracts.aws.DrsRecoveryInstanceFailbackStateChange;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.ConflictException;
import software.amazon.awssdk.services.drs.model.Job;
import software.amazon.awssdk.services.drs.model.JobStatus;
import software.amazon.awssdk.services.drs.model.LaunchStatus;
import software.amazon.awssdk.services.drs.model.ParticipatingServer;
import software.amazon.awssdk.services.drs.model.RecoveryInstance;
import software.amazon.awssdk.services.drs.model.SourceServer;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;
import software.amazon.awssdk.services.drs.model.ValidationException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Failback in the DRS simulator, through the AWS SDK: EC2-origin servers reverse replication to their origin Region
 * and back, on-premises servers fail back with the DRS Failback Client, and a launch from a chosen snapshot.
 */
@ExtendWith(DevstackExtension.class)
class DrsFailbackTest {
    /** Reverse and failback syncs long enough to see INITIAL_SYNC and FAILBACK_NOT_READY_FOR_LAUNCH. */
    private static final DrsSettings.Timings FAST = new DrsSettings.Timings(20, 10, 30, 80, 20, 1000, 500);

    private static final String ORIGIN_REGION = "us-west-2";

    private final Devstack devstack;
    private final Clients clients;
    private final DrsClient drs;
    private final DrsClient west;
    private final SqsClient sqs;

    DrsFailbackTest(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
        this.drs = clients.drs();
        this.west = DrsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(devstack.endpoint())
                .region(Region.of(ORIGIN_REGION))
                .credentialsProvider(Clients.CREDENTIALS)
                .build();
        this.sqs = clients.sqs();
    }

    @BeforeEach
    void reset() {
        devstack.reset();
        devstack.drs().timings(FAST);
    }

    @AfterEach
    void close() {
        west.close();
    }

    // ---- EC2 origin: ReverseReplication

    @Test
    void anEc2OriginServerReversesToItsOriginRegionAndBack() {
        String id = devstack.drs()
                .addServers(List.of(new DrsSimulator.ServerSpec(
                                null, "ec2-web", null, null, Map.of("Tier", "web"), null, null, null)
                        .withOrigin(DrsSimulator.Origin.ec2(ORIGIN_REGION))))
                .get(0)
                .path("sourceServerID")
                .asText();
        SourceServer original = server(drs, id);
        assertThat(devstack.region()).isNotEqualTo(ORIGIN_REGION);
        assertThat(original.replicationDirectionAsString()).isEqualTo("FAILOVER");
        assertThat(original.sourceCloudProperties().originRegion()).isEqualTo(ORIGIN_REGION);
        assertThat(original.sourceCloudProperties().originAccountID()).isEqualTo(devstack.account());
        assertThat(original.sourceCloudProperties().originAvailabilityZone()).isEqualTo(ORIGIN_REGION + "a");
        assertThat(original.sourceProperties().identificationHints().awsInstanceID())
                .matches("i-[0-9a-f]{17}");

        String instance = launch(drs, id);
        RecoveryInstance ri = recoveryInstance(drs, instance);
        assertThat(ri.originEnvironmentAsString()).isEqualTo("AWS");
        assertThat(ri.originAvailabilityZone()).isEqualTo(ORIGIN_REGION + "a");

        // the failover instance replicates back to a new server in the origin Region
        String arn = drs.reverseReplication(b -> b.recoveryInstanceID(instance)).reversedDirectionSourceServerArn();
        assertThat(arn).matches("arn:aws:drs:us-west-2:" + devstack.account() + ":source-server/s-[0-9a-f]{17}");
        assertThat(west.describeSourceServers(b -> {}).items()).singleElement().satisfies(rs -> {
            assertThat(rs.arn()).isEqualTo(arn);
            assertThat(rs.replicationDirectionAsString()).isEqualTo("FAILBACK");
            assertThat(rs.dataReplicationInfo().dataReplicationStateAsString()).isEqualTo("INITIAL_SYNC");
            assertThat(rs.reversedDirectionSourceServerArn()).isEqualTo(original.arn());
            assertThat(rs.sourceProperties().identificationHints().hostname()).isEqualTo("ec2-web");
            assertThat(rs.sourceProperties().identificationHints().awsInstanceID())
                    .isEqualTo(instance);
            assertThat(rs.sourceCloudProperties().originRegion()).isEqualTo(devstack.region());
            assertThat(rs.tags()).containsEntry("Tier", "web");
            assertThat(rs.dataReplicationInfo().replicatedDisks().get(0).replicatedStorageBytes())
                    .isEqualTo(rs.dataReplicationInfo().replicatedDisks().get(0).totalStorageBytes() / 2);
        });
        String reversed = arn.substring(arn.lastIndexOf('/') + 1);
        assertThat(west.describeRecoverySnapshots(b -> b.sourceServerID(reversed))
                        .items())
                .isEmpty();
        assertThat(server(drs, id).reversedDirectionSourceServerArn()).isEqualTo(arn);
        awaitReplication(west, reversed, "CONTINUOUS");
        assertThat(west.describeRecoverySnapshots(b -> b.sourceServerID(reversed))
                        .items())
                .isNotEmpty();

        assertThatThrownBy(() -> drs.reverseReplication(b -> b.recoveryInstanceID(instance)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already runs to " + arn);
        assertThat(devstack.drs().calls().since(0, "ReverseReplication"))
                .allSatisfy(
                        c -> assertThat(c.request().path("recoveryInstanceID").asText())
                                .isEqualTo(instance))
                .extracting(CallLog.Call::outcome, CallLog.Call::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OK", arn),
                        org.assertj.core.groups.Tuple.tuple("ConflictException", null));

        // recovery of the reversed server in the origin Region fails back there
        String back = launch(west, reversed);
        RecoveryInstance failedBack = recoveryInstance(west, back);
        assertThat(failedBack.sourceServerID()).isEqualTo(reversed);
        assertThat(failedBack.originEnvironmentAsString()).isEqualTo("AWS");
        assertThat(failedBack.originAvailabilityZone()).isEqualTo(devstack.region() + "a");
        assertThat(failedBack.arn()).startsWith("arn:aws:drs:us-west-2:");

        // reversing the failed-back instance brings back the original server
        assertThat(west.reverseReplication(b -> b.recoveryInstanceID(back)).reversedDirectionSourceServerArn())
                .isEqualTo(original.arn());
        SourceServer restored = server(drs, id);
        assertThat(restored.dataReplicationInfo().dataReplicationStateAsString())
                .isEqualTo("INITIAL_SYNC");
        assertThat(restored.replicationDirectionAsString()).isEqualTo("FAILOVER");
        assertThat(restored.sourceProperties().identificationHints().awsInstanceID())
                .isEqualTo(back);
        awaitReplication(drs, id, "CONTINUOUS");
        assertThatThrownBy(() -> west.reverseReplication(b -> b.recoveryInstanceID(back)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(original.arn());
        assertThat(drs.describeSourceServers(b -> {}).items())
                .extracting(SourceServer::sourceServerID)
                .containsExactly(id);
        assertThat(west.describeSourceServers(b -> {}).items())
                .extracting(SourceServer::sourceServerID)
                .containsExactly(reversed);
    }

    @Test
    void drillInstancesDoNotReverse() {
        String id = devstack.drs()
                .addServers(List.of(new DrsSimulator.ServerSpec(null, "ec2-app", null, null, null, null, null, null)
                        .withOrigin(DrsSimulator.Origin.ec2(ORIGIN_REGION))))
                .get(0)
                .path("sourceServerID")
                .asText();
        Job drill = awaitCompleted(
                drs,
                drs.startRecovery(b -> b.isDrill(true).sourceServers(source(id)))
                        .job()
                        .jobID());
        String instance = drill.participatingServers().get(0).recoveryInstanceID();
        assertThatThrownBy(() -> drs.reverseReplication(b -> b.recoveryInstanceID(instance)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("drill");
        assertThatThrownBy(() -> west.reverseReplication(b -> b.recoveryInstanceID(instance)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("does not exist in account");
        assertThat(west.describeSourceServers(b -> {}).items()).isEmpty();
    }

    // ---- on premises: the DRS Failback Client

    @Test
    void anOnPremisesServerFailsBackWithTheFailbackClient() {
        String queue = drsEventQueue();
        List<String> ids = fleet(2);
        Job recovery = awaitCompleted(
                drs,
                drs.startRecovery(b -> b.sourceServers(source(ids.get(0)), source(ids.get(1))))
                        .job()
                        .jobID());
        Map<String, String> instanceOf = recovery.participatingServers().stream()
                .collect(
                        Collectors.toMap(ParticipatingServer::sourceServerID, ParticipatingServer::recoveryInstanceID));
        String ok = instanceOf.get(ids.get(0));
        String failing = instanceOf.get(ids.get(1));
        assertThat(recoveryInstance(drs, ok).originEnvironmentAsString()).isEqualTo("ON_PREMISES");
        assertThat(recoveryInstance(drs, ok).failback().stateAsString()).isEqualTo("FAILBACK_NOT_STARTED");

        assertThatThrownBy(() -> drs.reverseReplication(b -> b.recoveryInstanceID(ok)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("EC2-origin")
                .hasMessageContaining("DRS Failback Client");
        assertThatThrownBy(() -> drs.startFailbackLaunch(b -> b.recoveryInstanceIDs(ok)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("FAILBACK_NOT_STARTED");

        // an operator boots the Failback Client for each: over HTTP and in-process
        HttpResponse<String> connected = clients.admin("POST", "drs/recovery-instances/" + ok + "/failback-client", "");
        assertThat(connected.statusCode()).isEqualTo(200);
        assertThat(Json.parse(connected.body()).path("failback").path("state").asText())
                .isEqualTo("FAILBACK_NOT_READY_FOR_LAUNCH");
        devstack.drs().connectFailbackClient(failing);
        RecoveryInstance syncing = recoveryInstance(drs, ok);
        assertThat(syncing.failback().stateAsString()).isEqualTo("FAILBACK_NOT_READY_FOR_LAUNCH");
        assertThat(syncing.failback().failbackClientID()).isNotBlank();
        assertThat(syncing.failback().failbackInitiationTime()).isNotBlank();
        assertThat(syncing.failback().failbackClientLastSeenByServiceDateTime()).isNotBlank();
        awaitFailbackState(ok, "FAILBACK_READY_FOR_LAUNCH");
        awaitFailbackState(failing, "FAILBACK_READY_FOR_LAUNCH");

        devstack.drs().faults(new DrsSettings.Faults(Set.of(ids.get(1)), 0, 0, 0, 0, 0, false));
        // launches long enough that the job is surely still active at the StopFailback below, even on a busy machine
        devstack.drs().timings(new DrsSettings.Timings(20, 10, 400, 400, 20, 1000, 500));
        Job failback = drs.startFailbackLaunch(
                        b -> b.recoveryInstanceIDs(ok, failing).tags(Map.of("executionId", "exec-fb")))
                .job();
        assertThat(failback.typeAsString()).isEqualTo("LAUNCH");
        assertThat(failback.initiatedByAsString()).isEqualTo("FAILBACK");
        assertThat(failback.tags()).containsEntry("executionId", "exec-fb");
        assertThat(failback.participatingServers())
                .extracting(ParticipatingServer::sourceServerID, ParticipatingServer::recoveryInstanceID)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ids.get(0), ok),
                        org.assertj.core.groups.Tuple.tuple(ids.get(1), failing));
        assertThat(recoveryInstance(drs, ok).failback().stateAsString()).isEqualTo("FAILBACK_IN_PROGRESS");
        assertThatThrownBy(() -> drs.stopFailback(b -> b.recoveryInstanceID(ok)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(failback.jobID());

        Job done = awaitCompleted(drs, failback.jobID());
        assertThat(done.participatingServers().stream()
                        .collect(Collectors.toMap(
                                ParticipatingServer::recoveryInstanceID, ParticipatingServer::launchStatus)))
                .containsEntry(ok, LaunchStatus.LAUNCHED)
                .containsEntry(failing, LaunchStatus.FAILED);
        RecoveryInstance completed = recoveryInstance(drs, ok);
        assertThat(completed.failback().stateAsString()).isEqualTo("FAILBACK_COMPLETED");
        assertThat(completed.failback().failbackJobID()).isEqualTo(failback.jobID());
        assertThat(recoveryInstance(drs, failing).failback().stateAsString()).isEqualTo("FAILBACK_ERROR");
        assertThat(drs.describeJobLogItems(b -> b.jobID(failback.jobID())).items())
                .filteredOn(l -> l.eventAsString().equals("LAUNCH_FAILED"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.eventData().sourceServerID()).isEqualTo(ids.get(1));
                    assertThat(l.eventData().rawError()).contains(ids.get(1));
                });

        // each instance: client replicating, ready, launching, then its outcome
        Map<String, List<String>> states = new LinkedHashMap<>();
        for (AwsEvent e : awaitEvents(queue, 8)) {
            DrsRecoveryInstanceFailbackStateChange change = (DrsRecoveryInstanceFailbackStateChange) e;
            states.computeIfAbsent(change.recoveryInstanceId().value(), k -> new ArrayList<>())
                    .add(change.state());
        }
        assertThat(states.get(ok))
                .containsExactlyInAnyOrder(
                        "FAILBACK_NOT_READY_FOR_LAUNCH",
                        "FAILBACK_READY_FOR_LAUNCH",
                        "FAILBACK_IN_PROGRESS",
                        "FAILBACK_COMPLETED");
        assertThat(states.get(failing))
                .containsExactlyInAnyOrder(
                        "FAILBACK_NOT_READY_FOR_LAUNCH",
                        "FAILBACK_READY_FOR_LAUNCH",
                        "FAILBACK_IN_PROGRESS",
                        "FAILBACK_ERROR");

        assertThat(drs.stopFailback(b -> b.recoveryInstanceID(failing))).isNotNull();
        RecoveryInstance stopped = recoveryInstance(drs, failing);
        assertThat(stopped.failback().stateAsString()).isEqualTo("FAILBACK_NOT_STARTED");
        assertThat(stopped.failback().failbackClientID()).isNull();
        assertThat(awaitEvents(queue, 1))
                .singleElement()
                .satisfies(e -> assertThat(((DrsRecoveryInstanceFailbackStateChange) e).state())
                        .isEqualTo("FAILBACK_NOT_STARTED"));
        assertThat(devstack.drs().calls().since(0, "StopFailback"))
                .allSatisfy(
                        c -> assertThat(c.request().path("recoveryInstanceID").asText())
                                .isIn(ok, failing))
                .extracting(CallLog.Call::outcome)
                .containsExactly("ConflictException", "OK");
    }

    @Test
    void theFailbackClientCanDisconnectAndIsOnlyForOnPremisesRecoveryInstances() {
        String onPrem = fleet(1).get(0);
        String ec2 = devstack.drs()
                .addServers(List.of(new DrsSimulator.ServerSpec(null, "ec2-db", null, null, null, null, null, null)
                        .withOrigin(DrsSimulator.Origin.ec2(ORIGIN_REGION))))
                .get(0)
                .path("sourceServerID")
                .asText();
        String recovered = launch(drs, onPrem);
        String ec2Instance = launch(drs, ec2);
        String drill = awaitCompleted(
                        drs,
                        drs.startRecovery(b -> b.isDrill(true).sourceServers(source(onPrem)))
                                .job()
                                .jobID())
                .participatingServers()
                .get(0)
                .recoveryInstanceID();

        HttpResponse<String> toDrill =
                clients.admin("POST", "drs/recovery-instances/" + drill + "/failback-client", "{\"connected\":true}");
        assertThat(toDrill.statusCode()).isEqualTo(400);
        assertThat(toDrill.body()).contains("drill");
        HttpResponse<String> toEc2 =
                clients.admin("POST", "drs/recovery-instances/" + ec2Instance + "/failback-client", null);
        assertThat(toEc2.statusCode()).isEqualTo(400);
        assertThat(toEc2.body()).contains("ReverseReplication");
        assertThat(clients.admin("POST", "drs/recovery-instances/i-00000000000000000/failback-client", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(clients.admin(
                                "POST", "drs/recovery-instances/" + recovered + "/failback-client", "{\"connected\":1}")
                        .statusCode())
                .isEqualTo(400);

        // the drill launch replaced the recovery instance of onPrem, so launch it again
        String instance = launch(drs, onPrem);
        devstack.drs().connectFailbackClient(instance);
        awaitFailbackState(instance, "FAILBACK_READY_FOR_LAUNCH");
        HttpResponse<String> gone = clients.admin(
                "POST", "drs/recovery-instances/" + instance + "/failback-client", "{\"connected\":false}");
        assertThat(gone.statusCode()).isEqualTo(200);
        RecoveryInstance after = recoveryInstance(drs, instance);
        assertThat(after.failback().stateAsString()).isEqualTo("FAILBACK_NOT_STARTED");
        assertThat(after.failback().failbackClientID()).isNull();
        assertThatThrownBy(() -> drs.startFailbackLaunch(b -> b.recoveryInstanceIDs(instance)))
                .isInstanceOf(ConflictException.class);
    }

    // ---- recovery snapshots

    @Test
    void aLaunchFromAChosenSnapshotRecordsItsPointInTime() {
        String id = fleet(1).get(0);
        var snapshots = drs.describeRecoverySnapshots(
                        b -> b.sourceServerID(id).order("DESC").maxResults(3))
                .items();
        var chosen = snapshots.get(2);
        Job job = awaitCompleted(
                drs,
                drs.startRecovery(b -> b.isDrill(false)
                                .sourceServers(StartRecoveryRequestSourceServer.builder()
                                        .sourceServerID(id)
                                        .recoverySnapshotID(chosen.snapshotID())
                                        .build()))
                        .job()
                        .jobID());
        RecoveryInstance ri =
                recoveryInstance(drs, job.participatingServers().get(0).recoveryInstanceID());
        assertThat(OffsetDateTime.parse(ri.pointInTimeSnapshotDateTime()).toInstant())
                .isEqualTo(OffsetDateTime.parse(chosen.timestamp()).toInstant());
        assertThat(drs.describeJobLogItems(b -> b.jobID(job.jobID())).items())
                .extracting(l -> l.eventAsString())
                .contains("USING_PREVIOUS_SNAPSHOT")
                .doesNotContain("SNAPSHOT_START");
    }

    // ---- admin API shapes

    @Test
    void timingsWithoutTheNewFieldsKeepTheirDefaultsAndOriginsComeThroughTheAdminApi() {
        HttpResponse<String> put = clients.admin(
                "PUT",
                "drs/timings",
                "{\"jobStartMillis\":5,\"serverStartMillis\":6,\"launchMinMillis\":7,\"launchMaxMillis\":8,"
                        + "\"terminateMillis\":9}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(devstack.drs().timings()).isEqualTo(new DrsSettings.Timings(5, 6, 7, 8, 9, 1500, 1000));
        clients.admin("PUT", "drs/timings", "{\"reverseSyncMillis\":0,\"failbackSyncMillis\":3}");
        assertThat(devstack.drs().timings()).isEqualTo(new DrsSettings.Timings(0, 0, 0, 0, 0, 0, 3));
        assertThat(DrsSettings.Timings.INSTANT.reverseSyncMillis()).isZero();
        assertThat(DrsSettings.Timings.INSTANT.failbackSyncMillis()).isZero();
        assertThat(DrsSettings.Timings.DEFAULT.reverseSyncMillis()).isEqualTo(1500);

        HttpResponse<String> added = clients.admin(
                "POST",
                "drs/servers",
                "[{\"hostname\":\"ec2-api\",\"origin\":{\"type\":\"EC2\",\"region\":\"eu-west-1\","
                        + "\"accountId\":\"111122223333\",\"availabilityZone\":\"eu-west-1c\","
                        + "\"instanceId\":\"i-0123456789abcdef0\"}},"
                        + "{\"hostname\":\"dc-api\",\"origin\":{\"type\":\"ON_PREMISES\"}}]");
        assertThat(added.statusCode()).isEqualTo(201);
        JsonNode servers = Json.parse(added.body());
        assertThat(servers.get(0)
                        .path("sourceCloudProperties")
                        .path("originAccountID")
                        .asText())
                .isEqualTo("111122223333");
        SourceServer ec2 = drs.describeSourceServers(b -> b.filters(f ->
                        f.sourceServerIDs(servers.get(0).path("sourceServerID").asText())))
                .items()
                .get(0);
        assertThat(ec2.sourceCloudProperties().originAvailabilityZone()).isEqualTo("eu-west-1c");
        assertThat(ec2.sourceProperties().identificationHints().awsInstanceID()).isEqualTo("i-0123456789abcdef0");
        assertThat(servers.get(1).has("sourceCloudProperties")).isFalse();

        HttpResponse<String> noRegion =
                clients.admin("POST", "drs/servers", "[{\"hostname\":\"x\",\"origin\":{\"type\":\"EC2\"}}]");
        assertThat(noRegion.statusCode()).isEqualTo(400);
        assertThat(noRegion.body()).contains("origin.region");
        assertThat(clients.admin("POST", "drs/servers", "[{\"hostname\":\"x\",\"origin\":{\"type\":\"GCP\"}}]")
                        .body())
                .contains("origin.type");
    }

    // ---- helpers

    private List<String> fleet(int count) {
        return devstack.drs().generateFleet(new DrsSimulator.FleetSpec(count, null, null, null, 0, null)).stream()
                .map(s -> s.path("sourceServerID").asText())
                .toList();
    }

    private static StartRecoveryRequestSourceServer source(String id) {
        return StartRecoveryRequestSourceServer.builder().sourceServerID(id).build();
    }

    /** Recovers (not a drill) one server with {@code client}; returns its recovery instance. */
    private static String launch(DrsClient client, String serverId) {
        Job job = awaitCompleted(
                client,
                client.startRecovery(b -> b.isDrill(false).sourceServers(source(serverId)))
                        .job()
                        .jobID());
        ParticipatingServer p = job.participatingServers().get(0);
        assertThat(p.launchStatus()).isEqualTo(LaunchStatus.LAUNCHED);
        return p.recoveryInstanceID();
    }

    private static SourceServer server(DrsClient client, String id) {
        return client.describeSourceServers(b -> b.filters(f -> f.sourceServerIDs(id)))
                .items()
                .get(0);
    }

    private static RecoveryInstance recoveryInstance(DrsClient client, String id) {
        return client.describeRecoveryInstances(b -> b.filters(f -> f.recoveryInstanceIDs(id)))
                .items()
                .get(0);
    }

    private static void awaitReplication(DrsClient client, String id, String state) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> server(client, id).dataReplicationInfo().dataReplicationStateAsString(), state::equals);
    }

    private void awaitFailbackState(String instance, String state) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> recoveryInstance(drs, instance).failback().stateAsString(), state::equals);
    }

    private static Job awaitCompleted(DrsClient client, String jobId) {
        Job[] job = new Job[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    job[0] = client.describeJobs(b -> b.filters(f -> f.jobIDs(jobId)))
                            .items()
                            .get(0);
                    return job[0].status() == JobStatus.COMPLETED;
                });
        return job[0];
    }

    /** A queue that gets every aws.drs event from the default bus. */
    private String drsEventQueue() {
        String url = clients.queue(sqs, "drs-failback-events");
        var events = clients.events();
        events.putRule(b -> b.name("drs-failback").eventPattern("{\"source\":[\"aws.drs\"]}"));
        events.putTargets(b -> b.rule("drs-failback")
                .targets(
                        Target.builder().id("q").arn(clients.queueArn(sqs, url)).build()));
        return url;
    }

    /** The failback state changes on the queue (launch results are skipped). */
    private List<AwsEvent> awaitEvents(String url, int count) {
        List<AwsEvent> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Message> batch = sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            for (Message m : batch) {
                AwsEvent e = AwsEventParser.parse(m.body());
                if (e instanceof DrsRecoveryInstanceFailbackStateChange) {
                    got.add(e);
                }
                sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            return got.size() >= count;
        });
        return got;
    }
}
