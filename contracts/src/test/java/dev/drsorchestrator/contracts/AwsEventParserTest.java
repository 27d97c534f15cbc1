package dev.drsorchestrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.aws.AwsEvent;
import dev.drsorchestrator.contracts.aws.AwsEventParser;
import dev.drsorchestrator.contracts.aws.AwsEventType;
import dev.drsorchestrator.contracts.aws.CloudWatchAlarmStateChange;
import dev.drsorchestrator.contracts.aws.DrsDataReplicationStalledChange;
import dev.drsorchestrator.contracts.aws.DrsJobStateChange;
import dev.drsorchestrator.contracts.aws.DrsRecoveryInstanceFailbackStateChange;
import dev.drsorchestrator.contracts.aws.DrsSourceServerLaunchResult;
import dev.drsorchestrator.contracts.envelope.InvalidEventException;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.LaunchStatus;
import dev.drsorchestrator.contracts.testing.Samples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** AWS's documented sample payloads, quirks included. */
class AwsEventParserTest {

    private static String sample(AwsEventType type, String state) {
        return Samples.resource(type.samplePrefix() + "-" + state + ".json");
    }

    @Test
    void launchResultTakesTheServerFromResourcesAndReadsIsDrillAsAString() {
        AwsEvent event = AwsEventParser.parse(sample(AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT, "succeeded"));

        DrsSourceServerLaunchResult result = (DrsSourceServerLaunchResult) event;
        assertThat(result.sourceServerId()).isEqualTo(SourceServerId.of("s-12345678901234567"));
        assertThat(result.jobId()).isEqualTo(DrsJobId.of("drsjob-04ca7d0d3fb6afa3e"));
        assertThat(result.drill()).isFalse();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.account().value()).isEqualTo("111122223333");
        assertThat(result.region()).isEqualTo("us-west-2");
        assertThat(result.eventId()).isEqualTo("9da9af57-9253-4406-87cb-7cc400e43465");
        assertThat(result.time()).isEqualTo(Instant.parse("2016-08-22T20:12:19Z"));
    }

    @Test
    void aFailedLaunchIsNotSuccess() {
        DrsSourceServerLaunchResult result = (DrsSourceServerLaunchResult)
                AwsEventParser.parse(sample(AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT, "failed"));

        assertThat(result.state()).isEqualTo("RECOVERY_LAUNCH_FAILED");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void isDrillTrueInAnyCaseOrAsABooleanIsADrill() throws Exception {
        ObjectNode event = (ObjectNode)
                EventCodec.mapper().readTree(sample(AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT, "succeeded"));
        ((ObjectNode) event.get("detail")).put("is-drill", "true");
        assertThat(((DrsSourceServerLaunchResult) AwsEventParser.parse(event.toString())).drill())
                .isTrue();
        ((ObjectNode) event.get("detail")).put("is-drill", true);
        assertThat(((DrsSourceServerLaunchResult) AwsEventParser.parse(event.toString())).drill())
                .isTrue();
        ((ObjectNode) event.get("detail")).put("is-drill", "maybe");
        assertThatThrownBy(() -> AwsEventParser.parse(event.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail.is-drill")
                .hasMessageContaining("'maybe' is neither TRUE nor FALSE");
    }

    @Test
    void replicationStalledAndRecovered() {
        DrsDataReplicationStalledChange stalled = (DrsDataReplicationStalledChange)
                AwsEventParser.parse(sample(AwsEventType.DRS_DATA_REPLICATION_STALLED_CHANGE, "stalled"));
        DrsDataReplicationStalledChange recovered = (DrsDataReplicationStalledChange)
                AwsEventParser.parse(sample(AwsEventType.DRS_DATA_REPLICATION_STALLED_CHANGE, "not-stalled"));

        assertThat(stalled.stalled()).isTrue();
        assertThat(recovered.stalled()).isFalse();
        assertThat(stalled.sourceServerId()).isEqualTo(SourceServerId.of("s-12345678901234567"));
    }

    @Test
    void failbackStatesWithTheRecoveryInstanceFromResources() {
        DrsRecoveryInstanceFailbackStateChange completed = (DrsRecoveryInstanceFailbackStateChange)
                AwsEventParser.parse(sample(AwsEventType.DRS_RECOVERY_INSTANCE_FAILBACK_STATE_CHANGE, "completed"));
        DrsRecoveryInstanceFailbackStateChange error = (DrsRecoveryInstanceFailbackStateChange)
                AwsEventParser.parse(sample(AwsEventType.DRS_RECOVERY_INSTANCE_FAILBACK_STATE_CHANGE, "error"));
        DrsRecoveryInstanceFailbackStateChange inProgress = (DrsRecoveryInstanceFailbackStateChange)
                AwsEventParser.parse(sample(AwsEventType.DRS_RECOVERY_INSTANCE_FAILBACK_STATE_CHANGE, "in-progress"));

        assertThat(completed.recoveryInstanceId()).isEqualTo(RecoveryInstanceId.of("ri-12345678901234567"));
        assertThat(completed.completed()).isTrue();
        assertThat(error.failed()).isTrue();
        assertThat(inProgress.completed() || inProgress.failed()).isFalse();
    }

    @Test
    void theSeedDocumentsJobStateChangeIsAccepted() {
        DrsJobStateChange job =
                (DrsJobStateChange) AwsEventParser.parse(sample(AwsEventType.DRS_JOB_STATE_CHANGE, "completed"));

        assertThat(job.jobId()).isEqualTo(DrsJobId.of("drsjob-04ca7d0d3fb6afa3e"));
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.drill()).isTrue();
        assertThat(job.servers()).hasSize(2);
        assertThat(job.servers().get(0).launchStatus()).isEqualTo(LaunchStatus.LAUNCHED);
        assertThat(job.servers().get(0).recoveryInstanceId()).isEqualTo(RecoveryInstanceId.of("i-0123456789abcdef0"));
        assertThat(job.servers().get(1).launchStatus()).isEqualTo(LaunchStatus.FAILED);
        assertThat(job.servers().get(1).recoveryInstanceId()).isNull();
    }

    @Test
    void aJobStateChangeWithTheJobOnlyInResourcesAndNoServersIsAccepted() throws Exception {
        ObjectNode event =
                (ObjectNode) EventCodec.mapper().readTree(sample(AwsEventType.DRS_JOB_STATE_CHANGE, "completed"));
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.remove("jobID");
        detail.remove("participatingServers");
        detail.remove("is-drill");
        detail.remove("status");
        detail.put("state", "started");

        DrsJobStateChange job = (DrsJobStateChange) AwsEventParser.parse(event.toString());

        assertThat(job.jobId()).isEqualTo(DrsJobId.of("drsjob-04ca7d0d3fb6afa3e"));
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        assertThat(job.drill()).isNull();
        assertThat(job.servers()).isEmpty();
    }

    @Test
    void alarmStateChangeReadsCloudWatchsTimestampFormat() {
        CloudWatchAlarmStateChange alarm = (CloudWatchAlarmStateChange)
                AwsEventParser.parse(sample(AwsEventType.CLOUDWATCH_ALARM_STATE_CHANGE, "alarm"));

        assertThat(alarm.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh");
        assertThat(alarm.alarmName()).isEqualTo("ServerCpuTooHigh");
        assertThat(alarm.state()).isEqualTo("ALARM");
        assertThat(alarm.previousState()).isEqualTo("OK");
        assertThat(alarm.enteredAlarm()).isTrue();
        assertThat(alarm.stateChangedAt()).isEqualTo(Instant.parse("2019-10-02T17:04:40.989Z"));
        assertThat(alarm.description()).isEqualTo("Goes into alarm when server CPU utilization is too high!");
        assertThat(alarm.reason()).startsWith("Threshold Crossed");
    }

    @Test
    void anAwsEventWithoutItsResourceSaysWhatIsMissing() throws Exception {
        ObjectNode event = (ObjectNode)
                EventCodec.mapper().readTree(sample(AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT, "succeeded"));
        event.putArray("resources");

        assertThatThrownBy(() -> AwsEventParser.parse(event.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("DRS Source Server Launch Result event is invalid at resources")
                .hasMessageContaining("source-server/<id>");
    }

    @Test
    void anAwsEventWeDoNotConsumeIsRefusedByName() {
        String snapshot = """
                {"version":"0","id":"1","detail-type":"DRS PIT Snapshot Taken","source":"aws.drs",
                 "account":"111122223333","time":"2016-08-22T20:12:19Z","region":"us-west-2",
                 "resources":[],"detail":{}}""";

        assertThatThrownBy(() -> AwsEventParser.parse(snapshot))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'aws.drs' / 'DRS PIT Snapshot Taken' is not an AWS event this project consumes");
    }

    @Test
    void aMissingJobIdIsNamed() throws Exception {
        ObjectNode event = (ObjectNode)
                EventCodec.mapper().readTree(sample(AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT, "succeeded"));
        ((ObjectNode) event.get("detail")).remove("job-id");

        assertThatThrownBy(() -> AwsEventParser.parse(event.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail.job-id is required");
    }
}
