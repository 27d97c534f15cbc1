package dev.drsorchestrator.contracts.model;

/** A DRS job's status (DRS's own values). COMPLETED says nothing about success: read each server's launch status. */
public enum JobStatus {
    PENDING,
    STARTED,
    COMPLETED;
}
