package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.WaveId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The waves' dependencies as a graph: {@code dependsOn} as given, or for a wave with an {@code order}, every wave of
 * a lower order. Call {@link #cycle()} before anything that needs the graph to be acyclic. A run back to the origin
 * (REPROTECT, FAILBACK) uses {@link #returning}: the graph {@link #reversed()}, or a {@link #chain} in the plan's
 * failback wave order.
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

    /**
     * The graph a run back to the origin follows: a chain in {@code waveOrder} when the plan gives one, otherwise the
     * plan's graph reversed.
     */
    public static WaveGraph returning(List<Wave> waves, @Nullable List<WaveId> waveOrder) {
        if (waveOrder == null) {
            return of(waves).reversed();
        }
        // Validation makes the order name every wave once; should a stored one not, unknown ids are left out and
        // waves it leaves out return last.
        List<WaveId> order = new ArrayList<>();
        for (WaveId id : waveOrder) {
            if (!order.contains(id) && waves.stream().anyMatch(w -> w.id().equals(id))) {
                order.add(id);
            }
        }
        waves.stream().map(Wave::id).filter(id -> !order.contains(id)).forEach(order::add);
        return chain(order);
    }

    /** Each wave after the one before it in {@code order}; the first after none. */
    public static WaveGraph chain(List<WaveId> order) {
        Map<WaveId, List<WaveId>> deps = new LinkedHashMap<>();
        WaveId previous = null;
        for (WaveId wave : order) {
            deps.putIfAbsent(wave, previous == null ? List.of() : List.of(previous));
            previous = wave;
        }
        return new WaveGraph(deps);
    }

    /**
     * Every dependency turned around: if B depends on A here, A depends on B in the result. The waves keep their
     * order, and so do each wave's dependencies.
     */
    public WaveGraph reversed() {
        Map<WaveId, List<WaveId>> deps = new LinkedHashMap<>();
        for (WaveId wave : dependencies.keySet()) {
            List<WaveId> dependents = new ArrayList<>();
            dependencies.forEach((other, itsDependencies) -> {
                if (itsDependencies.contains(wave)) {
                    dependents.add(other);
                }
            });
            deps.put(wave, List.copyOf(dependents));
        }
        return new WaveGraph(deps);
    }

    /** The waves, in the order the graph was built from. */
    public List<WaveId> waves() {
        return List.copyOf(dependencies.keySet());
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
