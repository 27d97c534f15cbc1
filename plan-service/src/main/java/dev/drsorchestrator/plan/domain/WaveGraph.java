package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.WaveId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The waves' dependencies as a graph: {@code dependsOn} as given, or for a wave with an {@code order}, every wave of
 * a lower order. Call {@link #cycle()} before anything that needs the graph to be acyclic.
 */
public final class WaveGraph {

    private final Map<WaveId, List<WaveId>> dependencies;

    private WaveGraph(Map<WaveId, List<WaveId>> dependencies) {
        this.dependencies = dependencies;
    }

    /** Resolves the waves' dependencies; references to unknown waves are left out (the validator reports them). */
    public static WaveGraph of(List<Wave> waves) {
        Map<WaveId, List<WaveId>> deps = new LinkedHashMap<>();
        for (Wave wave : waves) {
            List<WaveId> resolved = new ArrayList<>();
            if (wave.dependsOn() != null) {
                for (WaveId d : wave.dependsOn()) {
                    if (waves.stream().anyMatch(w -> w.id().equals(d)) && !resolved.contains(d)) {
                        resolved.add(d);
                    }
                }
            } else if (wave.order() != null) {
                for (Wave other : waves) {
                    if (other.order() != null && other.order() < wave.order()) {
                        resolved.add(other.id());
                    }
                }
            }
            deps.putIfAbsent(wave.id(), List.copyOf(resolved));
        }
        return new WaveGraph(deps);
    }

    public List<WaveId> dependenciesOf(WaveId wave) {
        return dependencies.getOrDefault(wave, List.of());
    }

    /** A dependency cycle as the path that closes it ({@code a, b, c, a}), if there is one. */
    public Optional<List<WaveId>> cycle() {
        Map<WaveId, Integer> state = new LinkedHashMap<>(); // 1 on the path, 2 done
        for (WaveId start : dependencies.keySet()) {
            List<WaveId> path = new ArrayList<>();
            Optional<List<WaveId>> found = visit(start, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<WaveId>> visit(WaveId wave, Map<WaveId, Integer> state, List<WaveId> path) {
        Integer s = state.get(wave);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null && s == 1) {
            List<WaveId> cycle = new ArrayList<>(path.subList(path.indexOf(wave), path.size()));
            cycle.add(wave);
            return Optional.of(cycle);
        }
        state.put(wave, 1);
        path.add(wave);
        for (WaveId dependency : dependenciesOf(wave)) {
            Optional<List<WaveId>> found = visit(dependency, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(wave, 2);
        return Optional.empty();
    }

    /**
     * The longest total duration of any chain of dependent waves (the critical path), given each wave's own
     * duration. The graph must be acyclic.
     */
    public long criticalPath(ToLongFunction<WaveId> duration) {
        Map<WaveId, Long> finish = new LinkedHashMap<>();
        long longest = 0;
        for (WaveId wave : dependencies.keySet()) {
            longest = Math.max(longest, finishOf(wave, duration, finish));
        }
        return longest;
    }

    private long finishOf(WaveId wave, ToLongFunction<WaveId> duration, Map<WaveId, Long> finish) {
        Long known = finish.get(wave);
        if (known != null) {
            return known;
        }
        long start = 0;
        for (WaveId dependency : dependenciesOf(wave)) {
            start = Math.max(start, finishOf(dependency, duration, finish));
        }
        long end = start + duration.applyAsLong(wave);
        finish.put(wave, end);
        return end;
    }
}
