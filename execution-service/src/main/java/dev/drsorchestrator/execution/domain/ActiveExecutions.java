package dev.drsorchestrator.execution.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What active executions hold: for each, its plan and its servers. A request for a plan or a server held by another
 * execution is rejected.
 */
public final class ActiveExecutions {

    /** One active execution's hold. */
    public record Held(String planId, List<String> servers) {
        public Held {
            servers = List.copyOf(servers);
        }

        static Held of(Execution e) {
            return new Held(
                    e.planId.value(),
                    e.waves.stream().flatMap(w -> w.servers.keySet().stream()).toList());
        }
    }

    private final Map<String, Held> executions;
    private final Map<String, String> plans = new HashMap<>();
    private final Map<String, String> servers = new HashMap<>();

    public ActiveExecutions(Map<String, Held> executions) {
        this.executions = Map.copyOf(executions);
        executions.forEach((execution, held) -> {
            plans.put(held.planId(), execution);
            held.servers().forEach(server -> servers.put(server, execution));
        });
    }

    public static ActiveExecutions none() {
        return new ActiveExecutions(Map.of());
    }

    public Map<String, Held> executions() {
        return executions;
    }

    public Optional<String> holderOfPlan(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    public Optional<String> holderOfServer(String serverId) {
        return Optional.ofNullable(servers.get(serverId));
    }

    /** These holds with {@code e} holding its plan and servers. */
    public ActiveExecutions with(Execution e) {
        Map<String, Held> next = new LinkedHashMap<>(executions);
        next.put(e.executionId.value(), Held.of(e));
        return new ActiveExecutions(next);
    }

    /** These holds with {@code e}'s released. */
    public ActiveExecutions without(Execution e) {
        Map<String, Held> next = new LinkedHashMap<>(executions);
        next.remove(e.executionId.value());
        return new ActiveExecutions(next);
    }
}
