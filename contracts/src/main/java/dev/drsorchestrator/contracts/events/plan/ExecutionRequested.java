package dev.drsorchestrator.contracts.events.plan;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.contracts.model.WaveSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command to execution-service: run this snapshot of a plan version. The execution id is created by plan-service
 * so the caller can follow it at once. {@code approvalRequired} holds the whole execution for an operator before the
 * first wave (an alarm binding in APPROVAL mode, for example).
 */
public record ExecutionRequested(
        ExecutionId executionId,
        PlanId planId,
        String planName,
        long planVersion,
        ExecutionType executionType,
        Trigger trigger,
        String requestedBy,
        @Nullable String comment,
        boolean approvalRequired,
        @Nullable Integer rtoSeconds,
        @Nullable Integer rpoSeconds,
        DrillOptions drillOptions,
        @Nullable String notificationTopicArn,
        List<WaveSnapshot> waves)
        implements PlanEvent {

    public ExecutionRequested {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(planId, "planId");
        Require.text(planName, "planName");
        Require.nonNegative(planVersion, "planVersion");
        Require.nonNull(executionType, "executionType");
        Require.nonNull(trigger, "trigger");
        Require.text(requestedBy, "requestedBy");
        if (rtoSeconds != null) {
            Require.nonNegative(rtoSeconds, "rtoSeconds");
        }
        if (rpoSeconds != null) {
            Require.nonNegative(rpoSeconds, "rpoSeconds");
        }
        Require.nonNull(drillOptions, "drillOptions");
        waves = Require.nonEmptyList(waves, "waves");
        checkWaveReferences(waves);
    }

    private static void checkWaveReferences(List<WaveSnapshot> waves) {
        Set<WaveId> ids = new HashSet<>();
        for (WaveSnapshot wave : waves) {
            if (!ids.add(wave.waveId())) {
                throw new IllegalArgumentException("waves: wave id " + wave.waveId() + " appears twice");
            }
        }
        for (WaveSnapshot wave : waves) {
            for (WaveId dependency : wave.dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw new IllegalArgumentException(
                            "waves: wave " + wave.waveId() + " depends on unknown wave " + dependency);
                }
            }
        }
    }
}
