package dev.drsorchestrator.drsadapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.drs.CallLog;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import dev.drsorchestrator.kit.testing.EventBus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What drs-adapter's tests share: devstack (its DRS simulator and call log), a bus watching what the adapter
 * publishes, and the test playing execution-service.
 */
abstract class DevstackTest {

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    Devstack devstack;
    DrsSimulator drs;
    EventBus bus;
    long callsBefore;

    @BeforeEach
    void watchTheBus() {
        devstack = DevstackExtension.SharedDevstack.get();
        drs = devstack.drs();
        bus = new EventBus(eventBridge, sqs, "watch-" + UUID.randomUUID(), EventSource.DRS_ADAPTER);
        List<CallLog.Call> all = drs.calls().all();
        callsBefore = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    @AfterEach
    void noFaults() {
        drs.faults(DrsSettings.Faults.NONE);
    }

    /** {@code count} ready servers with unique hostnames in devstack's account. */
    List<ServerSnapshot> fleet(int count, Criticality criticality) {
        return fleet(count, criticality, devstack.account());
    }

    List<ServerSnapshot> fleet(int count, Criticality criticality, String account) {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ObjectNode> made = drs.generateFleet(
                new DrsSimulator.FleetSpec(count, List.of(account), devstack.region(), List.of("app"), 0, prefix));
        List<ServerSnapshot> out = new ArrayList<>();
        for (ObjectNode s : made) {
            out.add(new ServerSnapshot(
                    SourceServerId.of(s.get("sourceServerID").asText()),
                    AccountId.of(account),
                    devstack.region(),
                    criticality,
                    s.path("sourceProperties")
                            .path("identificationHints")
                            .path("hostname")
                            .asText()));
        }
        return out;
    }

    static WaveLaunchRequested wave(ExecutionId execution, String wave, int attempt, List<ServerSnapshot> servers) {
        return wave(execution, wave, attempt, ExecutionType.DRILL, servers);
    }

    static WaveLaunchRequested wave(
            ExecutionId execution, String wave, int attempt, ExecutionType type, List<ServerSnapshot> servers) {
        return new WaveLaunchRequested(
                execution,
                PlanId.of("plan-" + UUID.randomUUID()),
                WaveId.of(wave),
                attempt,
                type,
                type == ExecutionType.DRILL,
                null,
                servers);
    }

    EventMetadata request(WaveLaunchRequested request) {
        return bus.put(request, request.executionId().value());
    }

    /** Waits until the adapter reported every job of the wave COMPLETED; returns those reports. */
    List<RecoveryJobStateChanged> awaitCompleted(ExecutionId execution, int servers) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> bus.all(
                                RecoveryJobStateChanged.class,
                                e -> e.executionId().equals(execution) && e.status() == JobStatus.COMPLETED),
                        done -> done.stream().mapToInt(e -> e.servers().size()).sum() >= servers);
    }

    /** DRS calls of one operation since the test began, optionally only those naming one of {@code servers}. */
    List<CallLog.Call> calls(String operation) {
        return drs.calls().since(callsBefore, operation);
    }

    static Set<String> ids(List<ServerSnapshot> servers) {
        return servers.stream().map(s -> s.sourceServerId().value()).collect(Collectors.toSet());
    }

    /** The source servers a StartRecovery call asked for. */
    static List<String> serversOf(CallLog.Call call) {
        List<String> out = new ArrayList<>();
        call.request()
                .path("sourceServers")
                .forEach(s -> out.add(s.path("sourceServerID").asText()));
        return out;
    }
}
