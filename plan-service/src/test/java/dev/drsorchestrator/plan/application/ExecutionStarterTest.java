package dev.drsorchestrator.plan.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.plan.domain.AlarmBinding;
import dev.drsorchestrator.plan.domain.CatalogGroup;
import dev.drsorchestrator.plan.domain.CatalogView;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.NetworkInventory;
import dev.drsorchestrator.plan.domain.NetworkScope;
import dev.drsorchestrator.plan.domain.NetworkView;
import dev.drsorchestrator.plan.domain.PlanDefinition;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.RequiredApprovals;
import dev.drsorchestrator.plan.domain.ServerStatus;
import dev.drsorchestrator.plan.domain.Wave;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The requester's name and subject travel on the request; the approvals it needs come from the plan or binding. */
class ExecutionStarterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ProtectionGroupId GROUP = ProtectionGroupId.random();

    private final CatalogView catalog = new CatalogView() {
        @Override
        public Map<ProtectionGroupId, CatalogGroup> groups(Collection<ProtectionGroupId> ids) {
            return Map.of(
                    GROUP,
                    new CatalogGroup(
                            GROUP,
                            "db",
                            AccountId.of("111122223333"),
                            "us-east-1",
                            List.of(SourceServerId.of("s-00000000000000001")),
                            List.of(),
                            1,
                            false));
        }

        @Override
        public Map<SourceServerId, ServerStatus> servers(Collection<SourceServerId> ids) {
            return Map.of();
        }

        @Override
        public void applyGroup(CatalogGroup group, ConsumedEvent consumed) {}

        @Override
        public void applyServers(List<ServerStatus> servers, ConsumedEvent consumed) {}
    };

    private final NetworkView network = new NetworkView() {
        @Override
        public Map<NetworkScope, NetworkInventory> networks(Collection<NetworkScope> scopes) {
            return Map.of();
        }

        @Override
        public void applyNetwork(NetworkInventory inventory, ConsumedEvent consumed) {}
    };

    private final ExecutionStarter starter =
            new ExecutionStarter(new ReadModels(catalog, network), Clock.fixed(NOW, ZoneOffset.UTC));

    private static RecoveryPlan plan(Map<ExecutionType, Integer> approvals) {
        Wave db = new Wave(
                WaveId.of("db"),
                "db",
                null,
                null,
                List.of(GROUP),
                FailurePolicy.FAIL_FAST,
                Map.of(),
                false,
                0,
                60,
                List.of(),
                List.of());
        return new RecoveryPlan(
                PlanId.random(),
                new PlanDefinition(
                        "shop", null, null, null, DrillOptions.defaults(), null, approvals, List.of(db), null),
                1,
                NOW,
                "alice",
                NOW,
                "alice");
    }

    @Test
    void aPersonsRecoveryCarriesTheirNameAndSubjectAndThePlansApprovals() {
        RecoveryPlan plan = plan(Map.of(ExecutionType.RECOVERY, 2));
        ExecutionStarter.Ask ask = new ExecutionStarter.Ask(
                ExecutionType.RECOVERY,
                Trigger.user(),
                "alice",
                "sub-alice",
                null,
                RequiredApprovals.forType(plan.definition(), ExecutionType.RECOVERY),
                null,
                null);

        ExecutionRequested requested = starter.snapshot(plan, ask);
        ExecutionLog.Request request = starter.request(requested, ask).build();

        assertThat(requested.requestedBy()).isEqualTo("alice");
        assertThat(requested.requiredApprovals()).isEqualTo(2);
        assertThat(requested.approvalReason()).isEqualTo("the plan requires 2 approvals for a RECOVERY");
        assertThat(request.event().metadata().actor()).isEqualTo("alice");
        assertThat(request.event().metadata().actorId()).isEqualTo("sub-alice");
    }

    @Test
    void anAlarmInApprovalModeNeedsAtLeastOneAndInAutoModeNone() {
        RecoveryPlan plan = plan(Map.of(ExecutionType.DRILL, 0));

        RequiredApprovals approval = RequiredApprovals.forAlarm(
                plan.definition(), new AlarmBinding("db-down", ExecutionType.DRILL, AlarmBinding.Mode.APPROVAL, 60));
        RequiredApprovals auto = RequiredApprovals.forAlarm(
                plan.definition(), new AlarmBinding("db-down", ExecutionType.RECOVERY, AlarmBinding.Mode.AUTO, 60));

        assertThat(approval.count()).isEqualTo(1);
        assertThat(auto.count()).isZero();
        assertThat(auto.reason())
                .isEqualTo("alarm binding 'db-down' is in AUTO mode: the RECOVERY starts without approval");
        assertThat(RequiredApprovals.forType(plan.definition(), ExecutionType.FAILBACK)
                        .count())
                .isEqualTo(1);
    }
}
