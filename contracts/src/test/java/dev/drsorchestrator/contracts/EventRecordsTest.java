package dev.drsorchestrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.HttpCheckAction;
import dev.drsorchestrator.contracts.model.LambdaAction;
import dev.drsorchestrator.contracts.model.ManualApprovalAction;
import dev.drsorchestrator.contracts.model.SsmDocumentAction;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.contracts.testing.SampleEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    private static final ExecutionRequested REQUEST =
            (ExecutionRequested) SampleEvents.payload(EventType.EXECUTION_REQUESTED);

    @Test
    void detailTypeIsTheRecordNameAndEveryRecordIsRegisteredOnce() {
        for (EventType type : EventType.values()) {
            assertThat(type.detailType()).isEqualTo(type.payloadType().getSimpleName());
            assertThat(EventType.fromDetailType(type.detailType())).contains(type);
            assertThat(type.payloadType().isRecord()).isTrue();
        }
    }

    @Test
    void idsAreValidatedWithTheFieldAndPattern() {
        assertThatThrownBy(() -> SourceServerId.of("s-123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sourceServerId 's-123' does not match");
        assertThat(ExecutionId.random().value()).startsWith("exec-").matches(ExecutionId.PATTERN);
        assertThat(SourceServerId.of("s-1234567890abcdef0")).hasToString("s-1234567890abcdef0");
    }

    @Test
    void anExecutionRequestWithADependencyOnAnUnknownWaveIsRefused() {
        List<WaveSnapshot> waves = new ArrayList<>(REQUEST.waves());
        WaveSnapshot web = waves.get(2);
        waves.set(
                2,
                new WaveSnapshot(
                        web.waveId(),
                        web.name(),
                        List.of(WaveId.of("cache-tier")),
                        web.failurePolicy(),
                        web.approvalRequired(),
                        web.waitAfterSeconds(),
                        web.timeoutMinutes(),
                        web.protectionGroupIds(),
                        web.servers(),
                        web.preActions(),
                        web.postActions()));

        assertThatThrownBy(() -> withWaves(waves))
                .hasMessage("waves: wave web-tier depends on unknown wave cache-tier");
    }

    @Test
    void requiredApprovalsAreZeroToFive() {
        assertThatThrownBy(() -> withApprovals(-1)).hasMessageContaining("requiredApprovals");
        assertThatThrownBy(() -> withApprovals(6)).hasMessageContaining("requiredApprovals: must be at most 5");
        assertThat(withApprovals(5).requiredApprovals()).isEqualTo(5);
    }

    private static ExecutionRequested withApprovals(int required) {
        return new ExecutionRequested(
                REQUEST.executionId(),
                REQUEST.planId(),
                REQUEST.planName(),
                REQUEST.planVersion(),
                REQUEST.executionType(),
                REQUEST.trigger(),
                REQUEST.requestedBy(),
                REQUEST.comment(),
                required,
                "test",
                REQUEST.rtoSeconds(),
                REQUEST.rpoSeconds(),
                REQUEST.drillOptions(),
                REQUEST.notificationTopicArn(),
                REQUEST.waves());
    }

    @Test
    void anExecutionRequestWithoutWavesIsRefused() {
        assertThatThrownBy(() -> withWaves(List.of())).hasMessage("waves must not be empty");
    }

    @Test
    void aLaunchWhoseDrillFlagContradictsItsTypeIsRefused() {
        assertThatThrownBy(() -> new WaveLaunchRequested(
                        SampleEvents.EXECUTION,
                        SampleEvents.PLAN,
                        SampleEvents.WAVE_DB,
                        1,
                        ExecutionType.RECOVERY,
                        true,
                        null,
                        REQUEST.waves().get(0).servers()))
                .hasMessageContaining("only a DRILL launches drills");
    }

    @Test
    void manualApprovalsAreNeverSentToTheAdapter() {
        assertThatThrownBy(() -> new WaveActionRequested(
                        SampleEvents.EXECUTION,
                        SampleEvents.PLAN,
                        SampleEvents.WAVE_WEB,
                        ActionPhase.PRE,
                        1,
                        ExecutionType.DRILL,
                        new ManualApprovalAction(ActionId.of("ok"), null, false, "Check DNS"),
                        List.of()))
                .hasMessageContaining("MANUAL_APPROVAL is held by execution-service");
    }

    @Test
    void malformedActionTargetsAreRefusedWithTheReason() {
        ActionId id = ActionId.of("a1");
        assertThatThrownBy(
                        () -> new LambdaAction(id, null, false, 60, "arn:aws:lambda:us-east-1:1234:function:x", null))
                .hasMessageContaining("functionArn");
        assertThatThrownBy(() -> new SsmDocumentAction(id, null, false, 60, "a b", Map.of()))
                .hasMessageContaining("documentName 'a b'");
        assertThatThrownBy(() -> new HttpCheckAction(id, null, false, 60, "ftp://host/x", 200, 5))
                .hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> new HttpCheckAction(id, null, false, 60, "https://shop.example.com", 200, 120))
                .hasMessageContaining("longer than timeoutSeconds");
        assertThatThrownBy(() -> new HttpCheckAction(id, null, false, 100_000, "https://shop.example.com", 200, 5))
                .hasMessageContaining("at most 86400");
        assertThat(new LambdaAction(id, null, false, 60, "arn:aws:lambda:eu-west-1:111122223333:function:f:prod", null)
                        .functionArn())
                .endsWith(":prod");
    }

    private static ExecutionRequested withWaves(List<WaveSnapshot> waves) {
        return new ExecutionRequested(
                REQUEST.executionId(),
                REQUEST.planId(),
                REQUEST.planName(),
                REQUEST.planVersion(),
                REQUEST.executionType(),
                REQUEST.trigger(),
                REQUEST.requestedBy(),
                REQUEST.comment(),
                REQUEST.requiredApprovals(),
                REQUEST.approvalReason(),
                REQUEST.rtoSeconds(),
                REQUEST.rpoSeconds(),
                REQUEST.drillOptions(),
                REQUEST.notificationTopicArn(),
                waves);
    }

    @Test
    void metadataOfACausedEventKeepsTheCorrelationAndTraceAndPointsAtItsCause() {
        Instant now = Instant.parse("2026-11-23T03:00:00Z");
        EventMetadata cause = SampleEvents.event(EventType.EXECUTION_REQUESTED).metadata();

        EventMetadata first = EventMetadata.first("plan-x", "alice@example.com", now);
        EventMetadata caused = EventMetadata.causedBy(cause, "execution-service", now);

        assertThat(first.causationId()).isNull();
        assertThat(first.correlationId()).isEqualTo("plan-x");
        assertThat(first.eventId())
                .isNotEqualTo(
                        EventMetadata.first("plan-x", "alice@example.com", now).eventId());
        assertThat(caused.causationId()).isEqualTo(cause.eventId());
        assertThat(caused.correlationId()).isEqualTo(cause.correlationId());
        assertThat(caused.traceparent()).isEqualTo(cause.traceparent());
        assertThat(caused.actor()).isEqualTo("execution-service");
        assertThat(caused.occurredAt()).isEqualTo(now);
    }
}
