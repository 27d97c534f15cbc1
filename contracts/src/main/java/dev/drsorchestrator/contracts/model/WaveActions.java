package dev.drsorchestrator.contracts.model;

/** Checks shared by the wave action records. */
final class WaveActions {

    private WaveActions() {}

    static void checkTimeout(int timeoutSeconds) {
        if (timeoutSeconds > WaveAction.MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("timeoutSeconds must be at most " + WaveAction.MAX_TIMEOUT_SECONDS
                    + " (one day) but was " + timeoutSeconds);
        }
    }
}
