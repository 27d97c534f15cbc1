package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.domain.Scope;

/** Other changes of the same scope kept winning; the caller should retry shortly. */
public class ScopeBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScopeBusy(Scope scope, int attempts) {
        super("protection groups of " + scope + " changed " + attempts
                + " times while this change was being applied; retry in a moment");
    }
}
