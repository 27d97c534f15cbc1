package dev.drsorchestrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventDetail;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.testing.SampleEvents;
import dev.drsorchestrator.contracts.testing.Samples;
import dev.drsorchestrator.contracts.testing.SchemaAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SampleEventsTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySampleValidatesAgainstItsSchema(EventType type) {
        assertThat(SchemaAssertions.violations(type, Samples.json(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aProducerWritesNoPropertyItsSchemaDoesNotDeclare(EventType type) {
        String written = EventCodec.writeJson(SampleEvents.event(type));

        assertThat(SchemaAssertions.violationsOfClosedSchema(type, written)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySampleParsesIntoItsRecordWithItsSourceAndDetailType(EventType type) {
        EventBridgeEvent<EventPayload> event = EventCodec.read(Samples.json(type));

        assertThat(event.data()).isInstanceOf(type.payloadType()).isEqualTo(SampleEvents.payload(type));
        assertThat(event.detailType()).isEqualTo(type.detailType());
        assertThat(event.source()).isEqualTo(type.source());
        assertThat(event.metadata().schemaVersion()).isEqualTo(EventMetadata.CURRENT_SCHEMA_VERSION);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordToJsonToRecordRoundTrips(EventType type) {
        EventBridgeEvent<EventPayload> original = SampleEvents.event(type);

        EventBridgeEvent<EventPayload> copy = EventCodec.read(EventCodec.writeJson(original));

        assertThat(copy).isEqualTo(original);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void whatAProducerPutsOnTheBusMatchesTheSchema(EventType type) throws Exception {
        EventMetadata metadata = SampleEvents.event(type).metadata();
        EventCodec.OutgoingEvent outgoing = EventCodec.outgoing(metadata, SampleEvents.payload(type));

        assertThat(outgoing.source()).isEqualTo(type.source());
        assertThat(outgoing.detailType()).isEqualTo(type.detailType());
        assertThat(outgoing.eventId()).isEqualTo(metadata.eventId());
        EventDetail<EventPayload> detail = EventCodec.readDetail(type, outgoing.detailJson());
        assertThat(detail.data()).isEqualTo(SampleEvents.payload(type));
        // Wrapped as EventBridge delivers it, the producer's detail satisfies the schema.
        ObjectNode delivered = (ObjectNode) EventCodec.mapper().readTree(Samples.json(type));
        delivered.set("detail", EventCodec.mapper().readTree(outgoing.detailJson()));
        SchemaAssertions.assertMatchesSchema(type, EventCodec.writeJson(delivered));
    }

    @Test
    void theSchemaRefusesAMissingFieldAMalformedIdAnUnknownEnumAndAForeignSource() throws Exception {
        ObjectNode event = (ObjectNode) EventCodec.mapper().readTree(Samples.json(EventType.WAVE_LAUNCH_REQUESTED));
        ObjectNode data = (ObjectNode) event.get("detail").get("data");
        data.remove("waveId");
        ((ObjectNode) data.withArray("servers").get(0)).put("sourceServerId", "server-1");
        data.put("executionType", "REHEARSAL");
        event.put("source", "drs-orchestrator.plan-service");

        assertThat(SchemaAssertions.violations(EventType.WAVE_LAUNCH_REQUESTED, EventCodec.writeJson(event)))
                .hasSize(4)
                .anySatisfy(v -> assertThat(v).contains("waveId"))
                .anySatisfy(v -> assertThat(v).contains("sourceServerId"))
                .anySatisfy(v -> assertThat(v).contains("executionType"))
                .anySatisfy(v -> assertThat(v).contains("source"));
    }

    @Test
    void theSchemaToleratesUnknownFieldsAndChecksTheActionKind() throws Exception {
        ObjectNode event = (ObjectNode) EventCodec.mapper().readTree(Samples.json(EventType.WAVE_ACTION_REQUESTED));
        ObjectNode action = (ObjectNode) event.get("detail").get("data").get("action");
        action.put("futureField", 1);
        assertThat(SchemaAssertions.violations(EventType.WAVE_ACTION_REQUESTED, EventCodec.writeJson(event)))
                .isEmpty();

        action.remove("url");
        assertThat(SchemaAssertions.violations(EventType.WAVE_ACTION_REQUESTED, EventCodec.writeJson(event)))
                .isNotEmpty();
    }

    @Test
    void theSchemaRefusesATimeThatIsNotIso8601() throws Exception {
        ObjectNode event = (ObjectNode) EventCodec.mapper().readTree(Samples.json(EventType.EXECUTION_STARTED));
        ((ObjectNode) event.get("detail").get("metadata")).put("occurredAt", "yesterday");

        assertThat(SchemaAssertions.violations(EventType.EXECUTION_STARTED, EventCodec.writeJson(event)))
                .singleElement()
                .satisfies(v -> assertThat(v).contains("occurredAt"));
    }
}
