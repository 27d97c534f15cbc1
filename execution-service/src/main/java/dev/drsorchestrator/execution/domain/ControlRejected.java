package dev.drsorchestrator.execution.domain;

/** A control that the execution's (or the wave's) current state does not allow; the message names the state. */
public final class ControlRejected extends RuntimeException {
    private final String state;

    public ControlRejected(String state, String message) {
        super(message);
        this.state = state;
    }

    public String state() {
        return state;
    }
}
