package dev.drsorchestrator.execution.application;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.execution.domain.AllowedControls;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionNotFound;
import dev.drsorchestrator.execution.domain.ExecutionQuery;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import dev.drsorchestrator.execution.domain.ListPage;
import dev.drsorchestrator.execution.domain.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reading executions: one, a filtered list, a timeline. */
@ApplicationScoped
public class ExecutionQueries {

    private static final int TIMELINE_PAGE = 500;

    private final ExecutionStore store;
    private final Clock clock;

    ExecutionQueries(ExecutionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Execution get(ExecutionId id) {
        return store.find(id)
                .map(ExecutionStore.Stored::execution)
                .orElseThrow(() -> new ExecutionNotFound(id.value()));
    }

    /** The execution as stored now, with its version and the controls its state accepts. */
    public ExecutionSnapshot snapshot(ExecutionId id) {
        return snapshot(store.find(id).orElseThrow(() -> new ExecutionNotFound(id.value())));
    }

    Optional<ExecutionStore.Stored> find(ExecutionId id) {
        return store.find(id);
    }

    ExecutionSnapshot snapshot(ExecutionStore.Stored stored) {
        return snapshot(stored.execution(), stored.version());
    }

    /** {@code execution} as stored at {@code version} (a control's answer: what it committed, not read again). */
    public ExecutionSnapshot snapshot(Execution execution, long version) {
        return new ExecutionSnapshot(execution, version, controls(execution), now());
    }

    /**
     * The controls the execution's state accepts, as the state machine answers when each is tried on a copy; the
     * execution itself is not changed.
     */
    public AllowedControls controls(Execution execution) {
        return AllowedControls.of(store.copies(execution), clock.instant());
    }

    public ListPage<Execution> list(ExecutionQuery query) {
        return store.list(query);
    }

    public ListPage<TimelineEntry> timeline(ExecutionId id, int limit, @Nullable String cursor) {
        get(id);
        return store.timeline(id, limit, cursor);
    }

    /** Every line of the timeline, for a report. */
    public List<TimelineEntry> wholeTimeline(ExecutionId id) {
        List<TimelineEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            ListPage<TimelineEntry> page = store.timeline(id, TIMELINE_PAGE, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    public Instant now() {
        return clock.instant();
    }
}
