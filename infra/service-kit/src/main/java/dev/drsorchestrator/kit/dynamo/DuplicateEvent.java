package dev.drsorchestrator.kit.dynamo;

/** The event being processed was already processed: its transaction found the processed-event marker. */
public class DuplicateEvent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateEvent(String eventId) {
        super("event " + eventId + " was already processed", null, false, false);
    }
}
