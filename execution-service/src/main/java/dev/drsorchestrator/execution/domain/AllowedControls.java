package dev.drsorchestrator.execution.domain;

import java.util.List;
import java.util.Map;

/**
 * The controls an execution's current state would accept, as {@link ExecutionMachine#allowed} found them by trying
 * each one: on the execution ({@code approve}, {@code cancel}, {@code pause}, {@code resume}, {@code cleanup}) and per
 * wave ({@code retry}, {@code skip}). Who asks is not part of it: roles, and the two-person rule's "not the requester",
 * are the caller's to check.
 *
 * @param execution in the order of {@link Control.Kind}
 * @param waves by wave id, in the execution's order; every wave has an entry (empty: nothing allowed)
 */
public record AllowedControls(List<Control.Kind> execution, Map<String, List<Control.Kind>> waves) {

    public AllowedControls {
        execution = List.copyOf(execution);
        waves = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(waves));
    }

    public List<Control.Kind> wave(String waveId) {
        return waves.getOrDefault(waveId, List.of());
    }
}
