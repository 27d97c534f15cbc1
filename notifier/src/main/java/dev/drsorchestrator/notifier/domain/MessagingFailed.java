package dev.drsorchestrator.notifier.domain;

/** SNS refused or did not answer. {@code retryable}: throttling, server or network errors; otherwise a refusal. */
public final class MessagingFailed extends RuntimeException {

    private final boolean retryable;

    public MessagingFailed(boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
