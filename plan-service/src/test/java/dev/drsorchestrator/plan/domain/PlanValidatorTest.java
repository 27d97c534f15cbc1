package dev.drsorchestrator.plan.domain;

import static dev.drsorchestrator.plan.domain.Plans.after;
import static dev.drsorchestrator.plan.domain.Plans.definition;
import static dev.drsorchestrator.plan.domain.Plans.group;
import static dev.drsorchestrator.plan.domain.Plans.groupId;
import static dev.drsorchestrator.plan.domain.Plans.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.WaveId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    final ProtectionGroupId db = groupId();
    final ProtectionGroupId app = groupId();
    final ProtectionGroupId web = groupId();
    final ProtectionGroupId batch = groupId();
    final Map<ProtectionGroupId, CatalogGroup> known =
            Map.of(db, group(db), app, group(app), web, group(web), batch, group(batch));

    @Test
    void aDiamondOfFourWavesIsValid() {
        PlanDefinition plan = definition(
                after("db", List.of(), db),
                after("app", List.of("db"), app),
                after("batch", List.of("db"), batch),
                after("web", List.of("app", "batch"), web));

        assertThat(PlanValidator.check(plan, known)).isEmpty();
        WaveGraph graph = WaveGraph.of(plan.waves());
        assertThat(graph.dependenciesOf(WaveId.of("web"))).containsExactly(WaveId.of("app"), WaveId.of("batch"));
        assertThat(graph.cycle()).isEmpty();
    }

    @Test
    void aCycleIsRefusedWithTheCycleNamed() {
        PlanDefinition plan = definition(
                after("db", List.of("web"), db), after("app", List.of("db"), app), after("web", List.of("app"), web));

        List<Violation> violations = PlanValidator.check(plan, known);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("waves");
            assertThat(v.reason()).contains("cycle: db -> web -> app -> db");
        });
    }

    @Test
    void plainOrderMeansAfterEveryLowerOrder() {
        PlanDefinition plan = definition(
                ordered("db", 1, db), ordered("app", 2, app), ordered("web", 3, web), ordered("batch", 2, batch));

        WaveGraph graph = WaveGraph.of(plan.waves());

        assertThat(graph.dependenciesOf(WaveId.of("db"))).isEmpty();
        assertThat(graph.dependenciesOf(WaveId.of("app"))).containsExactly(WaveId.of("db"));
        assertThat(graph.dependenciesOf(WaveId.of("web")))
                .containsExactlyInAnyOrder(WaveId.of("db"), WaveId.of("app"), WaveId.of("batch"));
        assertThat(graph.criticalPath(w -> 10)).isEqualTo(30);
    }

    @Test
    void unknownWaveReferencesAndSelfReferencesNameTheField() {
        PlanDefinition plan = definition(after("db", List.of("db"), db), after("app", List.of("dbb"), app));

        assertThat(PlanValidator.check(plan, known))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "waves[0].dependsOn[0]", "a wave cannot depend on itself ('db')"),
                        org.assertj.core.groups.Tuple.tuple(
                                "waves[1].dependsOn[0]", "unknown wave 'dbb'; the plan's waves are app, db"));
    }

    @Test
    void aGroupInTwoWavesAnUnknownGroupAndOrderWithDependsOnAreRefused() {
        ProtectionGroupId unknown = groupId();
        PlanDefinition plan = definition(
                ordered("db", 1, db), after("app", List.of("db"), db, unknown), Plans.wave("web", 2, List.of(), web));

        List<Violation> violations = PlanValidator.check(plan, known);

        assertThat(violations)
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "waves[1].protectionGroupIds[0]", "waves[1].protectionGroupIds[1]", "waves[2]");
        assertThat(violations).anySatisfy(v -> assertThat(v.reason()).contains("already in waves[0]"));
        assertThat(violations).anySatisfy(v -> assertThat(v.reason()).contains("unknown protection group '" + unknown));
        assertThat(violations).anySatisfy(v -> assertThat(v.reason()).contains("either order or dependsOn"));
    }

    @Test
    void aDeletedGroupIsUnknownAndNoWavesIsRefused() {
        CatalogGroup deleted = new CatalogGroup(db, "db", Plans.ACCOUNT, "us-east-1", List.of(), List.of(), 4, true);

        assertThat(PlanValidator.check(definition(ordered("db", 1, db)), Map.of(db, deleted)))
                .singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("was deleted"));
        assertThat(PlanValidator.check(definition(), known))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("waves"));
    }

    @Test
    void duplicateWaveIdsAndNamesAreRefused() {
        PlanDefinition plan = definition(ordered("db", 1, db), ordered("db", 2, app));

        assertThat(PlanValidator.check(plan, known))
                .extracting(Violation::field)
                .containsExactly("waves[1].id", "waves[1].name");
    }

    @Test
    void aFailbackWaveOrderNamingEveryWaveOnceIsValid() {
        PlanDefinition plan = withFailbackOrder("web", "app", "db");

        assertThat(PlanValidator.check(plan, known)).isEmpty();
    }

    @Test
    void aFailbackWaveOrderWithAnUnknownADuplicateAndAMissingWaveNamesEachProblem() {
        PlanDefinition plan = withFailbackOrder("web", "cache", "web", "db");

        assertThat(PlanValidator.check(plan, known))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "failback.waveOrder[1]", "unknown wave 'cache'; the plan's waves are app, db, web"),
                        org.assertj.core.groups.Tuple.tuple(
                                "failback.waveOrder[2]",
                                "'web' is already at failback.waveOrder[0]; name each wave once"),
                        org.assertj.core.groups.Tuple.tuple(
                                "failback.waveOrder",
                                "leaves out the wave 'app'; the order must name every wave of the plan exactly once"));
    }

    @Test
    void anEmptyFailbackWaveOrderLeavesOutEveryWave() {
        assertThat(PlanValidator.check(withFailbackOrder(), known))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("failback.waveOrder");
                    assertThat(v.reason()).startsWith("leaves out the waves 'db', 'app', 'web'");
                });
    }

    @Test
    void reprotectMayNeedNoApprovalButRecoveryAndFailbackNeedOne() {
        List<Violation> violations = new java.util.ArrayList<>();

        RequiredApprovals.check(
                RequiredApprovals.withDefaults(Map.of(
                        dev.drsorchestrator.contracts.model.ExecutionType.REPROTECT, 0,
                        dev.drsorchestrator.contracts.model.ExecutionType.RECOVERY, 0,
                        dev.drsorchestrator.contracts.model.ExecutionType.FAILBACK, 0)),
                violations);

        assertThat(violations)
                .extracting(Violation::field)
                .containsExactly("requiredApprovals.RECOVERY", "requiredApprovals.FAILBACK");
        assertThat(RequiredApprovals.DEFAULTS)
                .containsEntry(dev.drsorchestrator.contracts.model.ExecutionType.REPROTECT, 0)
                .containsEntry(dev.drsorchestrator.contracts.model.ExecutionType.FAILBACK, 1);
    }

    private PlanDefinition withFailbackOrder(String... order) {
        PlanDefinition base = definition(
                after("db", List.of(), db), after("app", List.of("db"), app), after("web", List.of("app"), web));
        return new PlanDefinition(
                base.name(),
                null,
                null,
                null,
                base.drillOptions(),
                null,
                null,
                base.waves(),
                new FailbackSettings(
                        java.util.Arrays.stream(order).map(WaveId::of).toList(), true, true));
    }
}
