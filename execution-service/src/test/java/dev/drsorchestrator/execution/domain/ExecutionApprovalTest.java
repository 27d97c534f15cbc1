package dev.drsorchestrator.execution.domain;

import static dev.drsorchestrator.execution.Fixtures.map;
import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.contracts.events.execution.ExecutionAwaitingApproval;
import dev.drsorchestrator.contracts.events.execution.ExecutionStarted;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ApprovalScope;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.execution.Fixtures;
import dev.drsorchestrator.execution.adapter.out.dynamodb.ExecutionJson;
import dev.drsorchestrator.execution.domain.ExecutionMachine.Input;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The two-person rule: the requester never approves, each approver counts once, the first wave waits for all. */
class ExecutionApprovalTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Decision request(ExecutionRequested request, @Nullable String requestedById) {
        return ExecutionMachine.request(request, requestedById, ActiveExecutions.none(), NOW, Duration.ofMinutes(1));
    }

    private static ExecutionRequested recovery(int requiredApprovals) {
        return Fixtures.request(
                ExecutionId.random(), PlanId.random(), ExecutionType.RECOVERY, requiredApprovals, threeTiers());
    }

    private static Decision approve(Execution e, String actor, @Nullable String actorId, @Nullable String comment) {
        return ExecutionMachine.apply(
                e, new Input.Operator(new Control(Control.Kind.APPROVE, actor, actorId, comment, null)), NOW);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRecoveryByNameOrBySubject() {
        Execution byName = request(recovery(1), null).state();

        assertThatThrownBy(() -> approve(byName, "ALICE", null, null))
                .isInstanceOfSatisfying(ApprovalRefused.class, r -> {
                    assertThat(r.rule()).isEqualTo(ApprovalRefused.Rule.REQUESTER);
                    assertThat(r.requiredApprovals()).isEqualTo(1);
                })
                .hasMessage("two-person rule: alice requested this RECOVERY, so another approver must approve it");

        // With subjects on both sides they decide, whatever the names say: the same subject under another name is
        // still the requester, and another subject under the same name is someone else.
        Execution bySubject = request(recovery(1), "sub-alice").state();
        assertThatThrownBy(() -> approve(bySubject, "alice.smith@example.com", "sub-alice", null))
                .isInstanceOf(ApprovalRefused.class)
                .hasMessageContaining("two-person rule");
        assertThat(bySubject.status).isEqualTo(ExecutionStatus.AWAITING_APPROVAL);
        assertThat(bySubject.approvals).isEmpty();
        approve(bySubject, "alice", "sub-other-alice", null);
        assertThat(bySubject.status).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void twoRequiredWaitsAfterOneCountsEachApproverOnceAndLaunchesAfterTheSecond() {
        Decision requested = request(recovery(2), "sub-alice");
        Execution e = requested.state();
        assertThat(e.status).isEqualTo(ExecutionStatus.AWAITING_APPROVAL);
        assertThat(e.requestedById).isEqualTo("sub-alice");
        ExecutionAwaitingApproval asked = only(requested.events(), ExecutionAwaitingApproval.class);
        assertThat(asked.scope()).isEqualTo(ApprovalScope.EXECUTION);
        assertThat(asked.approvals()).isZero();
        assertThat(asked.requiredApprovals()).isEqualTo(2);
        assertThat(asked.requestedBy()).isEqualTo("alice");

        Decision first = approve(e, "bob", "sub-bob", "storage team confirmed");
        assertThat(e.status).isEqualTo(ExecutionStatus.AWAITING_APPROVAL);
        assertThat(first.events()).noneMatch(ev -> ev instanceof WaveLaunchRequested || ev instanceof ExecutionStarted);
        ExecutionAwaitingApproval stillAsked = only(first.events(), ExecutionAwaitingApproval.class);
        assertThat(stillAsked.approvals()).isEqualTo(1);
        assertThat(stillAsked.message()).contains("1 more approval(s)", "other than alice, bob");
        assertThat(first.timeline())
                .anySatisfy(t -> assertThat(t.summary()).isEqualTo("approval 1 of 2 by bob (sub-bob); 1 more needed"));

        assertThatThrownBy(() -> approve(e, "Bob", "sub-bob", null))
                .isInstanceOfSatisfying(
                        ApprovalRefused.class,
                        r -> assertThat(r.rule()).isEqualTo(ApprovalRefused.Rule.ALREADY_APPROVED))
                .hasMessage("already approved by bob; 1 more approval from someone else is needed");
        assertThat(e.approvals).hasSize(1);

        Decision second = approve(e, "carol", "sub-carol", null);
        assertThat(e.status).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(e.approvedBy).isEqualTo("carol");
        assertThat(second.events()).anyMatch(ev -> ev instanceof ExecutionStarted);
        assertThat(second.events())
                .filteredOn(ev -> ev instanceof WaveLaunchRequested)
                .hasSize(1);
        assertThat(e.approvals)
                .extracting(Approval::approver, Approval::approverId, Approval::approvedAt, Approval::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bob", "sub-bob", NOW, "storage team confirmed"),
                        org.assertj.core.groups.Tuple.tuple("carol", "sub-carol", NOW, null));
        // Kept with the stored state.
        assertThat(ExecutionJson.read(ExecutionJson.write(e)).approvals).isEqualTo(e.approvals);
    }

    @Test
    void aDrillThatNeedsNoApprovalStartsAtOnce() {
        Decision d = request(Fixtures.request(ExecutionType.DRILL, threeTiers()), "sub-alice");

        assertThat(d.state().status).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(d.state().requiredApprovals).isZero();
        assertThat(d.events()).anyMatch(ev -> ev instanceof ExecutionStarted);
        assertThat(d.events()).noneMatch(ev -> ev instanceof ExecutionAwaitingApproval);
    }

    @Test
    void anAlarmInAutoModeStartsARecoveryAtOnceAndSaysWhyNoApprovalWasNeeded() {
        String reason = "alarm binding 'shop-down' is in AUTO mode: the RECOVERY starts without approval";
        ExecutionRequested request = Fixtures.request(
                ExecutionId.random(),
                PlanId.random(),
                ExecutionType.RECOVERY,
                Trigger.alarm(
                        "arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-down", "shop-down", "5xx > 5%", NOW),
                "alarm:shop-down",
                0,
                reason,
                threeTiers());

        Decision d = request(request, null);

        Execution e = d.state();
        assertThat(e.status).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(e.requiredApprovals).isZero();
        assertThat(e.approvalReason).isEqualTo(reason);
        assertThat(e.requestedById).isNull();
        assertThat(d.timeline().get(0).summary()).contains("no approval required (" + reason + ")");
    }

    @Test
    void aWaveGateTakesOneApprovalFromAnyoneAndRecordsTheApprover() {
        Execution e = request(
                        Fixtures.request(
                                ExecutionId.random(),
                                PlanId.random(),
                                ExecutionType.DRILL,
                                0,
                                map(threeTiers(), "db", Fixtures::withApproval)),
                        null)
                .state();
        assertThat(e.wave("db").orElseThrow().status).isEqualTo(WaveStatus.AWAITING_APPROVAL);

        approve(e, "alice", "sub-alice", "db team ready");

        WaveRun db = e.wave("db").orElseThrow();
        assertThat(db.status).isEqualTo(WaveStatus.RUNNING);
        assertThat(db.approvals)
                .extracting(Approval::approver, Approval::approverId, Approval::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "sub-alice", "db team ready"));
    }

    private static <T> T only(List<?> events, Class<T> type) {
        List<T> matching =
                events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
