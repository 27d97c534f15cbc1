package dev.drsorchestrator.execution.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Which plans and servers active executions hold (plan id → execution id, server id → execution id). A request for a
 * plan or a server held by another execution is rejected.
 */
public record ActiveExecutions(Map<String, String> plans, Map<String, String> servers) {
    public ActiveExecutions {
        plans = Map.copyOf(plans);
        servers = Map.copyOf(servers);
    }

    public static ActiveExecutions none() {
        return new ActiveExecutions(Map.of(), Map.of());
    }

    public Optional<String> holderOfPlan(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    public Optional<String> holderOfServer(String serverId) {
        return Optional.ofNullable(servers.get(serverId));
    }
}
