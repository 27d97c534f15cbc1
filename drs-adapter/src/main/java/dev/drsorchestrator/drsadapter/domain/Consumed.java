package dev.drsorchestrator.drsadapter.domain;

/** The inbox event a change consumes: recorded in the change's transaction, so a redelivery changes nothing. */
public record Consumed(String eventId, String detailType, int receiveCount) {}
