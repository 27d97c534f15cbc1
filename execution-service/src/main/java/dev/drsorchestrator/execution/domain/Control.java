package dev.drsorchestrator.execution.domain;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An operator's control of an execution, with who and why (kept in the timeline).
 *
 * @param actor who sends it, readable
 * @param actorId the verified subject behind {@code actor}, when there is one; the two-person rule compares it with
 *     the requester's
 */
public record Control(
        Kind kind,
        String actor,
        @Nullable String actorId,
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
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
