package dev.drsorchestrator.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import dev.drsorchestrator.execution.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A drill's networks travel from the request into every wave's launch command; other types never carry them. */
class DrillNetworkMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final DrillNetwork NETWORK =
            new DrillNetwork(Fixtures.ACCOUNT, "us-west-2", "subnet-0f9e8d7c6b5a40001", List.of("sg-0f9e8d7c6b5a4"));

    @Test
    void aDrillLaunchesEachWaveIntoThePlansDrillNetworks() {
        Decision requested = request(ExecutionType.DRILL);

        WaveLaunchRequested launch = only(requested.events());
        assertThat(launch.drillNetworks()).containsExactly(NETWORK);
        assertThat(launch.drillNetworkFor(Fixtures.ACCOUNT, "us-west-2")).contains(NETWORK);
        assertThat(requested.state().drillNetworks).containsExactly(NETWORK);
    }

    @Test
    void aRecoveryNeverLaunchesIntoADrillNetworkEvenIfTheRequestNamesOne() {
        Decision requested = request(ExecutionType.RECOVERY);

        assertThat(only(requested.events()).drillNetworks()).isEmpty();
        assertThat(requested.state().drillNetworks).isEmpty();
    }

    private static Decision request(ExecutionType type) {
        List<WaveSnapshot> waves = List.of(Fixtures.wave("db", List.of(), Fixtures.servers(1, 0)));
        ExecutionRequested request = Fixtures.request(type, waves, null, null, List.of(NETWORK));
        return ExecutionMachine.request(request, "sub-alice", ActiveExecutions.none(), NOW, Duration.ofMinutes(1));
    }

    private static WaveLaunchRequested only(List<?> events) {
        List<WaveLaunchRequested> launches = events.stream()
                .filter(WaveLaunchRequested.class::isInstance)
                .map(WaveLaunchRequested.class::cast)
                .toList();
        assertThat(launches).hasSize(1);
        return launches.get(0);
    }
}
