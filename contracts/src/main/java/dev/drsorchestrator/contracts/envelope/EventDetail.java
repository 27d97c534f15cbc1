package dev.drsorchestrator.contracts.envelope;

import dev.drsorchestrator.contracts.Require;

/** The {@code detail} of a project event: the metadata and the event's own record. */
public record EventDetail<T>(EventMetadata metadata, T data) {

    public EventDetail {
        Require.nonNull(metadata, "metadata");
        Require.nonNull(data, "data");
    }
}
