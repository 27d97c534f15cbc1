package dev.drsorchestrator.plan.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.HttpCheckAction;
import dev.drsorchestrator.contracts.model.LambdaAction;
import dev.drsorchestrator.contracts.model.ManualApprovalAction;
import dev.drsorchestrator.contracts.model.SsmDocumentAction;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.plan.domain.FailbackSettings;
import dev.drsorchestrator.plan.domain.LastExecution;
import dev.drsorchestrator.plan.domain.PlanDefinition;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.Wave;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the stores write is what they read back: every field of a plan, its waves and actions, a last execution. */
class PlanItemsTest {

    @Test
    void aPlanSurvivesTheRoundTripThroughItsItem() {
        Wave wave = new Wave(
                WaveId.of("web"),
                "Web tier",
                null,
                List.of(WaveId.of("db")),
                List.of(ProtectionGroupId.of("pg-" + UUID.randomUUID())),
                FailurePolicy.PAUSE,
                Map.of(SourceServerId.of("s-0000000000000000a"), Criticality.OPTIONAL),
                true,
                90,
                45,
                List.of(
                        new SsmDocumentAction(
                                ActionId.of("pre-1"),
                                "flush",
                                false,
                                60,
                                "AWS-RunShellScript",
                                Map.of("commands", List.of("sync"))),
                        new ManualApprovalAction(ActionId.of("pre-2"), null, true, "check the DNS")),
                List.of(
                        new HttpCheckAction(
                                ActionId.of("post-1"), null, false, 300, "https://x.example/health", 200, 10),
                        new LambdaAction(
                                ActionId.of("post-2"),
                                null,
                                false,
                                60,
                                "arn:aws:lambda:us-east-1:111122223333:function:warm",
                                JsonNodeFactory.instance.objectNode().put("depth", 2))));
        Wave db = new Wave(
                WaveId.of("db"),
                "DB",
                1,
                null,
                List.of(ProtectionGroupId.of("pg-" + UUID.randomUUID())),
                FailurePolicy.FAIL_FAST,
                Map.of(),
                false,
                0,
                120,
                List.of(),
                List.of());
        RecoveryPlan plan = new RecoveryPlan(
                PlanId.random(),
                new PlanDefinition(
                        "shop",
                        "the shop",
                        3600,
                        300,
                        new DrillOptions(30, false),
                        "arn:aws:sns:us-east-1:111122223333:shop",
                        Map.of(ExecutionType.RECOVERY, 2),
                        List.of(db, wave),
                        new FailbackSettings(List.of(WaveId.of("web"), WaveId.of("db")), false, true),
                        List.of(new DrillNetwork(
                                AccountId.of("111111111111"),
                                "us-east-1",
                                "subnet-0f9e8d7c6b5a40001",
                                List.of("sg-0f9e8d7c6b5a40001", "sg-0f9e8d7c6b5a40002")))),
                4,
                Instant.parse("2026-11-01T00:00:00Z"),
                "alice",
                Instant.parse("2026-11-02T00:00:00Z"),
                "bob");

        assertThat(DynamoPlanStore.fromItem(DynamoPlanStore.toItem(plan))).isEqualTo(plan);
    }

    @Test
    void aPlanStoredBeforeFailbackSettingsReprotectAndDrillNetworksReadsWithTheDefaults() throws Exception {
        Wave db = new Wave(
                WaveId.of("db"),
                "DB",
                1,
                null,
                List.of(ProtectionGroupId.of("pg-" + UUID.randomUUID())),
                FailurePolicy.FAIL_FAST,
                Map.of(),
                false,
                0,
                120,
                List.of(),
                List.of());
        RecoveryPlan plan = new RecoveryPlan(
                PlanId.random(),
                new PlanDefinition("old", null, null, null, DrillOptions.defaults(), null, null, List.of(db), null),
                2,
                Instant.parse("2026-11-01T00:00:00Z"),
                "alice",
                Instant.parse("2026-11-01T00:00:00Z"),
                "alice");
        Map<String, AttributeValue> item = new HashMap<>(DynamoPlanStore.toItem(plan));
        ObjectNode definition =
                (ObjectNode) EventCodec.mapper().readTree(item.get("definition").s());
        definition.remove("failback");
        definition.remove("drillNetworks");
        ((ObjectNode) definition.get("requiredApprovals")).remove("REPROTECT");
        item.put("definition", AttributeValue.fromS(definition.toString()));

        PlanDefinition read = DynamoPlanStore.fromItem(item).definition();

        assertThat(read.failback()).isEqualTo(FailbackSettings.DEFAULTS);
        assertThat(read.failback().options()).isEqualTo(FailbackOptions.defaults());
        assertThat(read.requiredApprovals(ExecutionType.REPROTECT)).isZero();
        assertThat(read.requiredApprovals(ExecutionType.FAILBACK)).isEqualTo(1);
        assertThat(read.drillNetworks()).isEmpty();
    }

    @Test
    void aLastExecutionSurvivesTheRoundTripThroughItsItem() {
        LastExecution last = new LastExecution(
                ExecutionId.random(),
                ExecutionType.RECOVERY,
                TriggerType.ALARM,
                LastExecution.Status.STARTED,
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:01:00Z"),
                "5xx above 5%");

        assertThat(DynamoExecutionLog.lastExecution(DynamoExecutionLog.lastItem(PlanId.random(), last)))
                .isEqualTo(last);
    }
}
