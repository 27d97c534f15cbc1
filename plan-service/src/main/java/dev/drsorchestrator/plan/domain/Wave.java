package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.WaveAction;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One wave of a plan as the user gave it. It runs after every wave of a lower {@code order}, or after the waves in
 * {@code dependsOn}; a wave with neither runs first. {@code criticality} overrides the default (CRITICAL) per server.
 */
public record Wave(
        WaveId id,
        String name,
        @Nullable Integer order,
        @Nullable List<WaveId> dependsOn,
        List<ProtectionGroupId> protectionGroupIds,
        FailurePolicy failurePolicy,
        Map<SourceServerId, Criticality> criticality,
        boolean approvalRequired,
        int waitAfterSeconds,
        int timeoutMinutes,
        List<WaveAction> preActions,
        List<WaveAction> postActions) {

    public static final int DEFAULT_TIMEOUT_MINUTES = 120;

    public Wave {
        dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
        protectionGroupIds = List.copyOf(protectionGroupIds);
        criticality = Map.copyOf(criticality);
        preActions = List.copyOf(preActions);
        postActions = List.copyOf(postActions);
    }

    public Criticality criticalityOf(SourceServerId server) {
        return criticality.getOrDefault(server, Criticality.CRITICAL);
    }
}
