package dev.drsorchestrator.drsadapter.domain;

/**
 * A call to DRS (or SSM, Lambda, STS) that failed, classified by what it means for the caller. Throttling has already
 * been retried with backoff and jitter when this is thrown.
 */
public final class DrsCallFailed extends RuntimeException {

    public enum Kind {
        /** 429 after every retry: nothing happened; try again later. */
        THROTTLED,
        /** A DRS quota is full: nothing happened; wait for capacity. */
        QUOTA,
        /** A resource is busy (a server in another job, an instance being terminated). */
        CONFLICT,
        /** The request was refused (validation, not found): nothing happened, and repeating it will not help. */
        REJECTED,
        /** The account cannot be reached (credentials, role, permissions, DRS not initialized). */
        ACCESS_DENIED,
        /** No answer or a server error: the call may or may not have taken effect. */
        AMBIGUOUS
    }

    private final Kind kind;

    public DrsCallFailed(Kind kind, String operation, String message, Throwable cause) {
        super(operation + " failed (" + kind + "): " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the call certainly had no effect, so repeating it cannot double it. */
    public boolean definitelyNotApplied() {
        return kind != Kind.AMBIGUOUS;
    }
}
