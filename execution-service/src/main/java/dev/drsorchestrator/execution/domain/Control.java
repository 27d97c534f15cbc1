package dev.drsorchestrator.execution.domain;

import org.jspecify.annotations.Nullable;

/** An operator's control of an execution, with who and why (kept in the timeline). */
public record Control(
        Kind kind,
        String actor,
        @Nullable String reason,
        @Nullable String waveId) {

    public enum Kind {
        APPROVE,
        CANCEL,
        PAUSE,
        RESUME,
        RETRY,
        SKIP,
        CLEANUP;

        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
