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
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.Trigger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestedRecoveryPointTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String PIT = "pit-0123456789abcdefg";
    static final String PIT2 = "pit-ABCDEFGHIJ0123456";

    final SourceServerId one = SourceServerId.of(server(1));
    final SourceServerId two = SourceServerId.of(server(2));
    final Set<SourceServerId> plan = Set.of(one, two);

    static RequestedRecoveryPoint snapshots(RequestedRecoveryPoint.Choice... choices) {
        return new RequestedRecoveryPoint(null, Arrays.asList(choices));
    }

    static RequestedRecoveryPoint.Choice choice(String server, String snapshot) {
        return new RequestedRecoveryPoint.Choice(server, snapshot);
    }

    @Test
    void aSnapshotPerServerOfThePlanBecomesTheRecoveryPoint() {
        RequestedRecoveryPoint requested = snapshots(choice(one.value(), PIT), choice(two.value(), PIT2));

        assertThat(requested.check(ExecutionType.RECOVERY, NOW, plan)).isEmpty();
        RecoveryPoint point = requested.value();
        assertThat(point.latestBefore()).isNull();
        assertThat(point.snapshotOf(one)).isEqualTo(PIT);
        assertThat(point.snapshotOf(two)).isEqualTo(PIT2);
    }

    @Test
    void aTimeNowOrBeforeIsTakenAndAnEmptyObjectMeansTheLatest() {
        RequestedRecoveryPoint before = new RequestedRecoveryPoint(NOW.minusSeconds(3600), null);

        assertThat(before.check(ExecutionType.DRILL, NOW, plan)).isEmpty();
        assertThat(before.value()).isEqualTo(new RecoveryPoint(NOW.minusSeconds(3600), List.of()));
        assertThat(new RequestedRecoveryPoint(NOW, List.of()).check(ExecutionType.DRILL, NOW, plan))
                .isEmpty();
        assertThat(new RequestedRecoveryPoint(null, null).value()).isEqualTo(RecoveryPoint.LATEST);
    }

    @Test
    void everyProblemIsNamedAtOnceWithItsField() {
        SourceServerId stranger = SourceServerId.of(server(99));
        RequestedRecoveryPoint requested = new RequestedRecoveryPoint(
                NOW.plusSeconds(60),
                Arrays.asList(
                        choice(one.value(), PIT),
                        choice(one.value(), PIT2),
                        choice(two.value(), "pit-short"),
                        choice(stranger.value(), PIT),
                        choice("i-0123", null),
                        null));

        assertThat(requested.check(ExecutionType.RECOVERY, NOW, plan))
                .extracting(Violation::field)
                .containsExactly(
                        "recoveryPoint",
                        "recoveryPoint.latestBefore",
                        "recoveryPoint.snapshots[1].sourceServerId",
                        "recoveryPoint.snapshots[2].snapshotId",
                        "recoveryPoint.snapshots[3].sourceServerId",
                        "recoveryPoint.snapshots[4].sourceServerId",
                        "recoveryPoint.snapshots[4].snapshotId",
                        "recoveryPoint.snapshots[5]");
        assertThat(requested.check(ExecutionType.RECOVERY, NOW, plan))
                .extracting(Violation::reason)
                .anySatisfy(r -> assertThat(r).contains("not both"))
                .anySatisfy(r -> assertThat(r).contains("is in the future"))
                .anySatisfy(r -> assertThat(r).contains("is already listed at recoveryPoint.snapshots[0]"))
                .anySatisfy(r -> assertThat(r).startsWith("'pit-short' is not a DRS recovery snapshot id"))
                .anySatisfy(r -> assertThat(r).startsWith("'" + stranger + "' is not in the plan's waves"));
    }

    @Test
    void aReprotectOrFailbackTakesNoRecoveryPointAtAll() {
        for (ExecutionType type : List.of(ExecutionType.REPROTECT, ExecutionType.FAILBACK)) {
            assertThat(new RequestedRecoveryPoint(null, null).check(type, NOW, plan))
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("recoveryPoint");
                        assertThat(v.reason()).startsWith("a " + type + " acts on recovery instances, not snapshots");
                    });
        }
    }

    @Test
    void theSnapshotChecksTheServersOfThePlanNowAndCarriesThePointOrRefusesIt() {
        ProtectionGroupId db = groupId();
        RecoveryPlan recoveryPlan = Plans.plan(definition(ordered("db", 1, db)));
        Map<ProtectionGroupId, CatalogGroup> groups = Map.of(db, group(db, server(1)));

        ExecutionRequested accepted = ExecutionSnapshot.of(
                recoveryPlan, request(ExecutionType.DRILL, snapshots(choice(one.value(), PIT))), groups, Map.of());

        assertThat(accepted.recoveryPoint()).isEqualTo(requestedPoint(one, PIT));
        assertThatThrownBy(() -> ExecutionSnapshot.of(
                        recoveryPlan,
                        request(ExecutionType.DRILL, snapshots(choice(two.value(), PIT))),
                        groups,
                        Map.of()))
                .isInstanceOfSatisfying(
                        PlanInvalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("recoveryPoint.snapshots[0].sourceServerId"));
        assertThat(ExecutionSnapshot.of(recoveryPlan, request(ExecutionType.DRILL, null), groups, Map.of())
                        .recoveryPoint())
                .isNull();
    }

    static RecoveryPoint requestedPoint(SourceServerId server, String snapshot) {
        return new RecoveryPoint(null, List.of(new RecoveryPoint.ServerSnapshotChoice(server, snapshot)));
    }

    static ExecutionSnapshot.Request request(ExecutionType type, RequestedRecoveryPoint point) {
        return new ExecutionSnapshot.Request(
                ExecutionId.random(), type, Trigger.user(), "rita", null, new RequiredApprovals(0, "test"), point, NOW);
    }
}
