package dev.drsorchestrator.drsadapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.model.CleanupReason;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class CleanupTest extends DevstackTest {

    @Test
    void aDrillCleanupTerminatesExactlyThatDrillsInstancesAndNeverARecoveryInstance() {
        // Execution A: a 3-server drill. Its recovery (not drill) instance of a 4th server. Execution B: a drill.
        ExecutionId a = ExecutionId.random();
        List<ServerSnapshot> drilled = fleet(3, Criticality.CRITICAL);
        request(wave(a, "drill", 1, drilled));
        List<RecoveredServer> aInstances = recovered(awaitCompleted(a, 3));

        List<ServerSnapshot> recovered = fleet(1, Criticality.CRITICAL);
        request(wave(a, "recovery", 1, ExecutionType.RECOVERY, recovered));
        List<RecoveredServer> notDrill =
                recovered(awaitCompleted(a, 4).stream().filter(e -> !e.drill()).toList());
        assertThat(notDrill).hasSize(1);

        ExecutionId b = ExecutionId.random();
        List<ServerSnapshot> other = fleet(2, Criticality.CRITICAL);
        request(wave(b, "drill", 1, other));
        List<RecoveredServer> bInstances = recovered(awaitCompleted(b, 2));

        List<RecoveredServer> listed = new ArrayList<>(aInstances);
        listed.addAll(notDrill);
        DrillCleanupRequested cleanup = new DrillCleanupRequested(
                a, PlanId.of("plan-" + UUID.randomUUID()), CleanupReason.TTL_EXPIRED, "ttl", listed);
        var meta = bus.put(cleanup, a.value());
        bus.put(cleanup, meta); // delivered twice

        RecoveryInstancesTerminated terminated = bus.awaitEvent(
                RecoveryInstancesTerminated.class, e -> e.executionId().equals(a));
        Set<String> expected = instanceIds(aInstances);
        assertThat(terminated.terminated())
                .extracting(RecoveryInstanceId::value)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(terminated.terminationJobId()).isNotNull();
        assertThat(terminated.failed()).singleElement().satisfies(f -> {
            assertThat(f.recoveryInstanceId()).isEqualTo(notDrill.get(0).recoveryInstanceId());
            assertThat(f.error()).contains("not a drill instance");
        });

        List<CallLog.Call> terminations = calls("TerminateRecoveryInstances");
        assertThat(terminations).hasSize(1);
        Set<String> asked = new java.util.HashSet<>();
        terminations.get(0).request().path("recoveryInstanceIDs").forEach(n -> asked.add(n.asText()));
        assertThat(asked).isEqualTo(expected);
        Set<String> remaining = drs.allRecoveryInstances().stream()
                .map(n -> n.path("recoveryInstanceID").asText())
                .collect(Collectors.toSet());
        assertThat(remaining).doesNotContainAnyElementsOf(expected);
        assertThat(remaining).containsAll(instanceIds(notDrill)).containsAll(instanceIds(bInstances));
        assertThat(bus.all(
                        RecoveryInstancesTerminated.class, e -> e.executionId().equals(a)))
                .hasSize(1);
    }

    private static List<RecoveredServer> recovered(List<RecoveryJobStateChanged> jobs) {
        List<RecoveredServer> out = new ArrayList<>();
        for (RecoveryJobStateChanged job : jobs) {
            job.servers()
                    .forEach(s -> out.add(new RecoveredServer(
                            s.sourceServerId(),
                            job.accountId(),
                            job.region(),
                            s.recoveryInstanceId(),
                            s.ec2InstanceId())));
        }
        return out;
    }

    private static Set<String> instanceIds(List<RecoveredServer> servers) {
        return servers.stream().map(s -> s.recoveryInstanceId().value()).collect(Collectors.toSet());
    }
}
