package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.WaveId;
import java.util.List;

/**
 * A wave as an execution runs it: its dependencies already resolved into {@code dependsOn} (a plain plan order
 * becomes "depends on every lower order"), its protection groups resolved to concrete servers.
 */
public record WaveSnapshot(
        WaveId waveId,
        String name,
        List<WaveId> dependsOn,
        FailurePolicy failurePolicy,
        boolean approvalRequired,
        int waitAfterSeconds,
        int timeoutMinutes,
        List<ProtectionGroupId> protectionGroupIds,
        List<ServerSnapshot> servers,
        List<WaveAction> preActions,
        List<WaveAction> postActions) {

    public WaveSnapshot {
        Require.nonNull(waveId, "waveId");
        Require.text(name, "name");
        dependsOn = Require.list(dependsOn, "dependsOn");
        if (dependsOn.contains(waveId)) {
            throw new IllegalArgumentException("wave " + waveId + " depends on itself");
        }
        Require.nonNull(failurePolicy, "failurePolicy");
        Require.nonNegative(waitAfterSeconds, "waitAfterSeconds");
        Require.positive(timeoutMinutes, "timeoutMinutes");
        protectionGroupIds = Require.list(protectionGroupIds, "protectionGroupIds");
        servers = Require.list(servers, "servers");
        preActions = Require.list(preActions, "preActions");
        postActions = Require.list(postActions, "postActions");
    }
}
