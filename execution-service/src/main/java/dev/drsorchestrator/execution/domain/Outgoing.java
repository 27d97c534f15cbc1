package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;

/** An event a change publishes; the store commits it with the change (outbox). */
public record Outgoing(EventMetadata metadata, EventPayload payload) {}
