package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.domain.GroupStore;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.catalog.domain.ScopeChange;
import dev.drsorchestrator.catalog.domain.ScopeChanged;
import dev.drsorchestrator.catalog.domain.ScopeState;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs one membership change of a scope: read the scope, finish the previous change's server assignments if a crash
 * left them, decide, and commit only if the scope is still at the version read. A lost race is retried from a fresh
 * read, so every decision sees every change committed before it.
 */
@ApplicationScoped
public class ScopeCoordinator {

    private static final Logger LOG = Logger.getLogger(ScopeCoordinator.class);
    static final int MAX_ATTEMPTS = 12;

    private final GroupStore groups;

    ScopeCoordinator(GroupStore groups) {
        this.groups = groups;
    }

    public <T> T change(Scope scope, Function<ScopeState, Decision<T>> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ScopeState state = groups.load(scope);
            if (!state.pending().isEmpty()) {
                LOG.infof(
                        "finishing %d server assignment(s) a previous change of %s left",
                        state.pending().size(), scope);
                groups.finish(scope, state.version(), state.pending());
                continue;
            }
            Decision<T> decision = decide.apply(state);
            ScopeChange change = new ScopeChange(
                    scope,
                    state.version(),
                    groupIdsAfter(state, decision),
                    decision.puts(),
                    decision.deletes(),
                    decision.assignments(),
                    decision.events());
            if (change.isEmpty()) {
                return decision.result();
            }
            try {
                groups.commit(change);
            } catch (ScopeChanged lost) {
                backOff(attempt);
                continue;
            }
            if (!decision.assignments().isEmpty()) {
                try {
                    groups.finish(scope, state.version() + 1, decision.assignments());
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "server assignments of %s are committed but not yet written (%s); the next change of the"
                                    + " scope or the sweep finishes them",
                            scope, e.getMessage());
                }
            }
            return decision.result();
        }
        throw new ScopeBusy(scope, MAX_ATTEMPTS);
    }

    /** Finishes assignments a crash left in any scope (run by a timer). */
    public int finishLeftovers() {
        int finished = 0;
        for (Scope scope : groups.scopes()) {
            ScopeState state = groups.load(scope);
            if (!state.pending().isEmpty()) {
                groups.finish(scope, state.version(), state.pending());
                finished++;
            }
        }
        return finished;
    }

    private static List<ProtectionGroupId> groupIdsAfter(ScopeState state, Decision<?> decision) {
        java.util.Set<ProtectionGroupId> ids = new java.util.LinkedHashSet<>();
        state.groups().forEach(g -> ids.add(g.id()));
        decision.puts().forEach(g -> ids.add(g.id()));
        decision.deletes().forEach(ids::remove);
        return List.copyOf(ids);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a decision writes, and what the caller gets back. */
    public record Decision<T>(
            List<ProtectionGroup> puts,
            List<ProtectionGroupId> deletes,
            Map<SourceServerId, Optional<ProtectionGroupId>> assignments,
            List<ScopeChange.Event> events,
            T result) {

        public static <T> Decision<T> nothing(T result) {
            return new Decision<>(List.of(), List.of(), Map.of(), List.of(), result);
        }
    }
}
