package dev.drsorchestrator.catalog.domain;

/** The scope moved on since it was read (another change committed first); read it again and retry. */
public class ScopeChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScopeChanged(Scope scope, long expectedVersion) {
        super("scope " + scope + " is no longer at version " + expectedVersion, null, false, false);
    }
}
