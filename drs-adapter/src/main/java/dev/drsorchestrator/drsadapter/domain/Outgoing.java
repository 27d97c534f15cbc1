package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;

/** An event to publish with the change that causes it (through the outbox). */
public record Outgoing(EventMetadata metadata, EventPayload payload) {}
