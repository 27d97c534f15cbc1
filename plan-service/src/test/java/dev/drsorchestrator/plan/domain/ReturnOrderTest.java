package dev.drsorchestrator.plan.domain;

import static dev.drsorchestrator.plan.domain.Plans.after;
import static dev.drsorchestrator.plan.domain.Plans.group;
import static dev.drsorchestrator.plan.domain.Plans.groupId;
import static dev.drsorchestrator.plan.domain.Plans.ordered;
import static dev.drsorchestrator.plan.domain.Plans.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.ManualApprovalAction;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** REPROTECT and FAILBACK run the waves in the return order; DRILL and RECOVERY in the plan's. */
class ReturnOrderTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final ProtectionGroupId db = groupId();
    final ProtectionGroupId app = groupId();
    final ProtectionGroupId batch = groupId();
    final ProtectionGroupId web = groupId();
    final Map<ProtectionGroupId, CatalogGroup> groups = Map.of(
            db, group(db, server(1)),
            app, group(app, server(2)),
            batch, group(batch, server(3)),
            web, group(web, server(4), server(5)));

    /** db, then app and batch, then web (which needs both). */
    PlanDefinition diamond(FailbackSettings failback) {
        return new PlanDefinition(
                "shop",
                null,
                3600,
                300,
                DrillOptions.defaults(),
                null,
                null,
                List.of(
                        after("db", List.of(), db),
                        after("app", List.of("db"), app),
                        after("batch", List.of("db"), batch),
                        after("web", List.of("app", "batch"), web)),
                failback);
    }

    ExecutionRequested snapshot(PlanDefinition definition, ExecutionType type) {
        RecoveryPlan plan = Plans.plan(definition);
        return ExecutionSnapshot.of(
                plan,
                new ExecutionSnapshot.Request(
                        ExecutionId.random(),
                        type,
                        Trigger.user(),
                        "rita",
                        null,
                        RequiredApprovals.forType(definition, type),
                        null,
                        NOW),
                groups,
                Map.of());
    }

    /** Each wave id with the ids it depends on, in the snapshot's order: {@code web<-[]}. */
    static List<String> graph(ExecutionRequested requested) {
        return requested.waves().stream()
                .map(w -> w.waveId() + "<-"
                        + w.dependsOn().stream().map(WaveId::value).collect(Collectors.joining(",", "[", "]")))
                .toList();
    }

    @Test
    void aFailbackWithoutAWaveOrderRunsTheDependenciesReversed() {
        ExecutionRequested failback = snapshot(diamond(FailbackSettings.DEFAULTS), ExecutionType.FAILBACK);

        assertThat(graph(failback)).containsExactly("web<-[]", "batch<-[web]", "app<-[web]", "db<-[app,batch]");
        assertThat(failback.failback()).isEqualTo(FailbackOptions.defaults());
        assertThat(failback.recoveryPoint()).isNull();
    }

    @Test
    void aPlainOrderPlanReturnsFromItsLastOrderToItsFirst() {
        PlanDefinition plan = Plans.definition(ordered("db", 1, db), ordered("app", 2, app), ordered("web", 3, web));

        assertThat(graph(snapshot(plan, ExecutionType.REPROTECT)))
                .containsExactly("web<-[]", "app<-[web]", "db<-[app,web]");
        assertThat(graph(snapshot(plan, ExecutionType.RECOVERY)))
                .containsExactly("db<-[]", "app<-[db]", "web<-[db,app]");
    }

    @Test
    void aWaveOrderMakesTheReturnAChainInThatOrder() {
        PlanDefinition plan = diamond(new FailbackSettings(ids("batch", "web", "db", "app"), false, true));

        ExecutionRequested failback = snapshot(plan, ExecutionType.FAILBACK);
        ExecutionRequested reprotect = snapshot(plan, ExecutionType.REPROTECT);

        assertThat(graph(failback)).containsExactly("batch<-[]", "web<-[batch]", "db<-[web]", "app<-[db]");
        assertThat(failback.failback()).isEqualTo(new FailbackOptions(false, true));
        assertThat(graph(reprotect)).containsExactly("batch<-[]", "web<-[batch]", "db<-[web]", "app<-[db]");
        assertThat(reprotect.failback()).isNull();
    }

    @Test
    void drillAndRecoveryKeepThePlansGraphWhateverTheFailbackSettings() {
        PlanDefinition plan = diamond(new FailbackSettings(ids("web", "batch", "app", "db"), true, true));

        for (ExecutionType type : List.of(ExecutionType.DRILL, ExecutionType.RECOVERY)) {
            ExecutionRequested requested = snapshot(plan, type);
            assertThat(graph(requested)).containsExactly("db<-[]", "app<-[db]", "batch<-[db]", "web<-[app,batch]");
            assertThat(requested.failback()).isNull();
        }
    }

    @Test
    void everythingElseAboutAWaveStaysOnTheWayBack() {
        SourceServerId optional = SourceServerId.of(server(5));
        Wave webWave = new Wave(
                WaveId.of("web"),
                "Web tier",
                null,
                List.of(WaveId.of("db")),
                List.of(web),
                FailurePolicy.PAUSE,
                Map.of(optional, Criticality.OPTIONAL),
                true,
                30,
                45,
                List.of(new ManualApprovalAction(ActionId.of("pre-1"), null, false, "drain the load balancer")),
                List.of());
        PlanDefinition plan = new PlanDefinition(
                "shop",
                null,
                null,
                null,
                DrillOptions.defaults(),
                null,
                null,
                List.of(after("db", List.of(), db), webWave),
                null);

        WaveSnapshot forward = snapshot(plan, ExecutionType.RECOVERY).waves().get(1);
        WaveSnapshot back = snapshot(plan, ExecutionType.FAILBACK).waves().get(0);

        assertThat(back.waveId()).isEqualTo(WaveId.of("web"));
        assertThat(back.dependsOn()).isEmpty();
        assertThat(back).usingRecursiveComparison().ignoringFields("dependsOn").isEqualTo(forward);
        assertThat(back.servers())
                .extracting(ServerSnapshot::sourceServerId, ServerSnapshot::criticality)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SourceServerId.of(server(4)), Criticality.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(optional, Criticality.OPTIONAL));
    }

    @Test
    void theReversedGraphTurnsEveryDependencyAround() {
        WaveGraph forward = WaveGraph.of(diamond(null).waves());

        WaveGraph back = forward.reversed();

        assertThat(back.dependenciesOf(WaveId.of("db"))).containsExactlyElementsOf(ids("app", "batch"));
        assertThat(back.dependenciesOf(WaveId.of("app"))).containsExactlyElementsOf(ids("web"));
        assertThat(back.dependenciesOf(WaveId.of("web"))).isEmpty();
        assertThat(back.cycle()).isEmpty();
        assertThat(back.reversed().dependenciesOf(WaveId.of("web"))).containsExactlyElementsOf(ids("app", "batch"));
        assertThat(back.criticalPath(w -> 10)).isEqualTo(forward.criticalPath(w -> 10));
    }

    static List<WaveId> ids(String... ids) {
        return Arrays.stream(ids).map(WaveId::of).toList();
    }
}
