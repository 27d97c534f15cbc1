package dev.drsorchestrator.contracts.envelope;

import org.jspecify.annotations.Nullable;

/**
 * An event that cannot be read: which event, where in it, and what is wrong. A consumer lets the message go to its
 * dead-letter queue with this message, where an operator can read it.
 */
public class InvalidEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String detailType;
    private final String path;
    private final String reason;

    public InvalidEventException(@Nullable String detailType, String path, String reason, @Nullable Throwable cause) {
        super(
                (detailType == null ? "event" : detailType + " event") + " is invalid"
                        + (path.isEmpty() ? "" : " at " + path) + ": " + reason,
                cause);
        this.detailType = detailType;
        this.path = path;
        this.reason = reason;
    }

    public @Nullable String detailType() {
        return detailType;
    }

    /** Where in the event JSON the problem is, such as {@code detail.data.waves[0].servers}. */
    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
