package dev.drsorchestrator.plan.domain;

import static dev.drsorchestrator.plan.domain.Plans.definition;
import static dev.drsorchestrator.plan.domain.Plans.group;
import static dev.drsorchestrator.plan.domain.Plans.groupId;
import static dev.drsorchestrator.plan.domain.Plans.ordered;
import static dev.drsorchestrator.plan.domain.Plans.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.Trigger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PreflightTest {

    static final PreflightSettings DRS = new PreflightSettings(100, 20, 500, 900, 120);
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final ProtectionGroupId db = groupId();
    final ProtectionGroupId web = groupId();

    @Test
    void a250ServerWaveNeedsThreeJobsAndTheRtoEstimateFollowsTheCriticalPath() {
        String[] big = IntStream.range(0, 250).mapToObj(Plans::server).toArray(String[]::new);
        Map<ProtectionGroupId, CatalogGroup> groups = Map.of(db, group(db, server(1000)), web, group(web, big));
        Map<SourceServerId, ServerStatus> servers = new HashMap<>();
        groups.values().forEach(g -> g.members().forEach(s -> servers.put(s, ready(s, 10))));
        RecoveryPlan plan = Plans.plan(definition(ordered("db", 1, db), ordered("web", 2, web)));

        PreflightReport report = Preflight.run(plan, groups, servers, DRS, NOW);

        assertThat(report.canRun()).isTrue();
        assertThat(report.waves()).extracting(PreflightReport.WaveCheck::jobs).containsExactly(1, 3);
        assertThat(report.serverCount()).isEqualTo(251);
        assertThat(report.rtoEstimateSeconds()).isEqualTo(1800);
        assertThat(report.rtoMet()).isTrue();
    }

    @Test
    void notReadyServersAreNamedAndOnlyCriticalOnesBlock() {
        SourceServerId lagging = SourceServerId.of(server(1));
        SourceServerId stalled = SourceServerId.of(server(2));
        SourceServerId unseen = SourceServerId.of(server(3));
        Wave wave = new Wave(
                WaveId.of("db"),
                "db",
                1,
                null,
                List.of(db),
                FailurePolicy.CONTINUE,
                Map.of(stalled, Criticality.OPTIONAL),
                false,
                0,
                60,
                List.of(),
                List.of());
        Map<ProtectionGroupId, CatalogGroup> groups =
                Map.of(db, group(db, server(1), server(2), server(3)), web, group(web));
        Map<SourceServerId, ServerStatus> servers = Map.of(
                lagging,
                ready(lagging, 900),
                stalled,
                new ServerStatus(stalled, "db-2", ReplicationState.STALLED, null, NOW));

        PreflightReport report = Preflight.run(Plans.plan(definition(wave)), groups, servers, DRS, NOW);

        assertThat(report.canRun()).isFalse();
        assertThat(report.waves().get(0).notReady())
                .extracting(PreflightReport.ServerIssue::sourceServerId, PreflightReport.ServerIssue::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(lagging, "LAG_ABOVE_RPO"),
                        org.assertj.core.groups.Tuple.tuple(stalled, "NOT_CONTINUOUS"),
                        org.assertj.core.groups.Tuple.tuple(unseen, "NOT_FOUND"));
        assertThat(report.blockers()).hasSize(2).noneMatch(b -> b.contains(stalled.value()));
        assertThat(report.warnings()).anyMatch(w -> w.contains("OPTIONAL server " + stalled));
    }

    @Test
    void theSnapshotResolvesGroupsToTheirMembersWithCriticalityAndDependencies() {
        SourceServerId optional = SourceServerId.of(server(7));
        Wave dbWave = ordered("db", 1, db);
        Wave webWave = new Wave(
                WaveId.of("web"),
                "web",
                2,
                null,
                List.of(web),
                FailurePolicy.FAIL_FAST,
                Map.of(optional, Criticality.OPTIONAL),
                true,
                30,
                45,
                List.of(),
                List.of());
        Map<ProtectionGroupId, CatalogGroup> groups =
                Map.of(db, group(db, server(5)), web, group(web, server(6), server(7)));
        RecoveryPlan plan = Plans.plan(definition(dbWave, webWave));

        ExecutionRequested requested = ExecutionSnapshot.of(
                plan,
                new ExecutionSnapshot.Request(
                        ExecutionId.random(),
                        ExecutionType.DRILL,
                        Trigger.user(),
                        "alice",
                        null,
                        RequiredApprovals.forType(plan.definition(), ExecutionType.DRILL),
                        null,
                        NOW),
                groups,
                Map.of());

        assertThat(requested.planVersion()).isEqualTo(3);
        assertThat(requested.waves().get(1).dependsOn()).containsExactly(WaveId.of("db"));
        assertThat(requested.waves().get(1).servers())
                .extracting(ServerSnapshot::sourceServerId, ServerSnapshot::criticality)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SourceServerId.of(server(6)), Criticality.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(optional, Criticality.OPTIONAL));
        assertThat(requested.waves().get(1).approvalRequired()).isTrue();
        assertThat(requested.requiredApprovals()).isZero();
        assertThat(requested.approvalReason()).isEqualTo("the plan requires no approval for a DRILL");
    }

    @Test
    void aPlanWithADeletedGroupOrAnEmptyWaveCannotRun() {
        CatalogGroup gone = new CatalogGroup(db, "db", Plans.ACCOUNT, "us-east-1", List.of(), List.of(), 2, true);
        RecoveryPlan plan = Plans.plan(definition(ordered("db", 1, db), ordered("web", 2, web)));

        assertThatThrownBy(() -> ExecutionSnapshot.of(
                        plan,
                        new ExecutionSnapshot.Request(
                                ExecutionId.random(),
                                ExecutionType.RECOVERY,
                                Trigger.user(),
                                "a",
                                null,
                                RequiredApprovals.forType(plan.definition(), ExecutionType.RECOVERY),
                                null,
                                NOW),
                        Map.of(db, gone, web, group(web)),
                        Map.of()))
                .isInstanceOf(PlanCannotRun.class)
                .hasMessageContaining("'db' was deleted")
                .hasMessageContaining("wave 'web' has no servers");
    }

    static ServerStatus ready(SourceServerId id, long lag) {
        return new ServerStatus(id, "host-" + id.value(), ReplicationState.CONTINUOUS, lag, NOW);
    }
}
