package dev.drsorchestrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.aws.AwsEventType;
import dev.drsorchestrator.contracts.aws.DrsSourceServerLaunchResult;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.InvalidEventException;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.events.plan.RecoveryPlanCreated;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.testing.SampleEvents;
import dev.drsorchestrator.contracts.testing.Samples;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static ObjectNode sample(EventType type) throws Exception {
        return (ObjectNode) EventCodec.mapper().readTree(Samples.json(type));
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("detail").get("data");
    }

    @Test
    void unknownFieldsFromANewerProducerAreTolerated() throws Exception {
        ObjectNode event = sample(EventType.EXECUTION_REQUESTED);
        event.put("replay-name", "from-a-newer-eventbridge");
        ((ObjectNode) event.get("detail").get("metadata")).put("tenant", "acme");
        data(event).put("priority", "HIGH");
        ((ObjectNode) data(event).withArray("waves").get(0))
                .putObject("placement")
                .put("zone", "use1-az1");

        EventBridgeEvent<ExecutionRequested> parsed =
                EventCodec.read(EventCodec.writeJson(event), ExecutionRequested.class);

        assertThat(parsed.data()).isEqualTo(SampleEvents.payload(EventType.EXECUTION_REQUESTED));
    }

    @Test
    void anUnknownReplicationStateFromDrsIsReadAsUnknownNotRefused() throws Exception {
        ObjectNode event = sample(EventType.SOURCE_SERVER_INVENTORY_CHANGED);
        ((ObjectNode) data(event).withArray("servers").get(0)).put("replicationState", "SOME_NEW_STATE");

        SourceServerInventoryChanged parsed = EventCodec.read(
                        EventCodec.writeJson(event), SourceServerInventoryChanged.class)
                .data();

        assertThat(parsed.servers().get(0).replicationState()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(parsed.servers().get(0).readyWithin(null)).isFalse();
    }

    @Test
    void aMissingRequiredFieldIsAClearErrorNamingTheEventAndTheField() throws Exception {
        ObjectNode event = sample(EventType.EXECUTION_REQUESTED);
        data(event).remove("executionId");

        assertThatThrownBy(() -> EventCodec.read(EventCodec.writeJson(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ExecutionRequested event is invalid")
                .hasMessageContaining("detail.data")
                .hasMessageContaining("executionId is required");
    }

    @Test
    void aMissingRequiredNumberIsRefusedInsteadOfReadAsZero() throws Exception {
        ObjectNode event = sample(EventType.RECOVERY_PLAN_CREATED);
        data(event).remove("waveCount");

        assertThatThrownBy(() -> EventCodec.read(EventCodec.writeJson(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("RecoveryPlanCreated")
                .hasMessageContaining("waveCount");
    }

    @Test
    void aMissingFieldDeepInsideNamesItsPath() throws Exception {
        ObjectNode event = sample(EventType.EXECUTION_REQUESTED);
        ArrayNode servers = (ArrayNode) data(event).withArray("waves").get(1).get("servers");
        ((ObjectNode) servers.get(0)).remove("region");

        InvalidEventException error = (InvalidEventException)
                org.assertj.core.api.Assertions.catchThrowable(() -> EventCodec.read(EventCodec.writeJson(event)));

        assertThat(error.detailType()).isEqualTo("ExecutionRequested");
        assertThat(error.path()).isEqualTo("detail.data.waves[1].servers[0]");
        assertThat(error.reason()).contains("region");
    }

    @Test
    void aMalformedIdIsRefusedWithThePattern() throws Exception {
        ObjectNode event = sample(EventType.RECOVERY_PLAN_CREATED);
        data(event).put("planId", "my-plan");

        assertThatThrownBy(() -> EventCodec.read(EventCodec.writeJson(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail.data.planId")
                .hasMessageContaining("'my-plan' does not match the pattern");
    }

    @Test
    void aWrongValueTypeNamesTheField() throws Exception {
        ObjectNode event = sample(EventType.RECOVERY_PLAN_CREATED);
        data(event).put("waveCount", "three");

        assertThatThrownBy(() -> EventCodec.read(EventCodec.writeJson(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail.data.waveCount");
    }

    @Test
    void anUnknownDetailTypeIsRefused() throws Exception {
        ObjectNode event = sample(EventType.RECOVERY_PLAN_CREATED);
        event.put("detail-type", "RecoveryPlanRenamed");

        assertThatThrownBy(() -> EventCodec.read(EventCodec.writeJson(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'RecoveryPlanRenamed' is not a project event type");
    }

    @Test
    void readingAsTheWrongTypeSaysWhatCame() {
        assertThatThrownBy(() -> EventCodec.read(Samples.json(EventType.WAVE_STARTED), RecoveryPlanCreated.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected RecoveryPlanCreated but got WaveStarted");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> EventCodec.read("{not json"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> EventCodec.read("  "))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void optionalFieldsAreLeftOutOfTheJsonRatherThanWrittenAsNull() {
        String json = EventCodec.writeJson(SampleEvents.payload(EventType.EXECUTION_REJECTED));

        assertThat(json).doesNotContain("null").doesNotContain("startedAt");
    }

    @Test
    void anInboxMessageIsReadAsAProjectEventOrAnAwsEventBySource() {
        InboundEvent project = EventCodec.readAny(Samples.json(EventType.WAVE_LAUNCH_REQUESTED));
        InboundEvent aws = EventCodec.readAny(
                Samples.resource(AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT.samplePrefix() + "-succeeded.json"));

        assertThat(project)
                .isInstanceOfSatisfying(
                        InboundEvent.Project.class,
                        p -> assertThat(p.event().data())
                                .isEqualTo(SampleEvents.payload(EventType.WAVE_LAUNCH_REQUESTED)));
        assertThat(project.deduplicationId())
                .isEqualTo(SampleEvents.event(EventType.WAVE_LAUNCH_REQUESTED)
                        .metadata()
                        .eventId());
        assertThat(aws)
                .isInstanceOfSatisfying(
                        InboundEvent.Aws.class,
                        a -> assertThat(a.event()).isInstanceOf(DrsSourceServerLaunchResult.class));
        assertThat(aws.deduplicationId()).isEqualTo("9da9af57-9253-4406-87cb-7cc400e43465");
    }
}
