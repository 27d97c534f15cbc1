package dev.drsorchestrator.execution.application;

import dev.drsorchestrator.execution.domain.AllowedControls;
import dev.drsorchestrator.execution.domain.Execution;
import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An execution as read at a version, with the controls its state accepts: what {@code GET /executions/{id}} and its
 * stream show. The execution is not to be changed. {@link #rendered} keeps one rendering, so that every stream of the
 * execution sends the same text, computed once.
 */
public final class ExecutionSnapshot {

    private final Execution execution;
    private final long version;
    private final AllowedControls controls;
    private final Instant readAt;
    private @Nullable Object rendered;

    public ExecutionSnapshot(Execution execution, long version, AllowedControls controls, Instant readAt) {
        this.execution = execution;
        this.version = version;
        this.controls = controls;
        this.readAt = readAt;
    }

    public Execution execution() {
        return execution;
    }

    /** The stored version ({@code ExecutionStore.Stored#version}): it grows with every committed change. */
    public long version() {
        return version;
    }

    public AllowedControls controls() {
        return controls;
    }

    public Instant readAt() {
        return readAt;
    }

    /** {@code render}'s result, computed on the first call; later calls return it (whatever function they pass). */
    @SuppressWarnings("unchecked")
    public synchronized <T> T rendered(Function<ExecutionSnapshot, T> render) {
        if (rendered == null) {
            rendered = render.apply(this);
        }
        return (T) rendered;
    }
}
