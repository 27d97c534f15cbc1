package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.model.JobStatus;
import java.time.Instant;

/** A DRS job of a wave, as drs-adapter reported it. */
public final class JobRun {
    public DrsJobId jobId;
    public int attempt;
    public int batch;
    public AccountId accountId;
    public String region;
    public JobStatus status;
    public Instant observedAt;

    JobRun() {}

    static int rank(JobStatus status) {
        return status.ordinal();
    }
}
