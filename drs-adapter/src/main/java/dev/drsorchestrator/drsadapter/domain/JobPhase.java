package dev.drsorchestrator.drsadapter.domain;

/**
 * Where a job request is. QUEUED: waits for quota. INTENT: the launch is decided and written down, and DRS may or may
 * not have the job (a crash or an ambiguous error); it is never started again before {@code DescribeJobs} shows it
 * does not exist. ACTIVE: DRS has the job, which is tracked. DONE: the job completed and its result was published.
 */
public enum JobPhase {
    QUEUED,
    INTENT,
    ACTIVE,
    DONE;

    public boolean open() {
        return this != DONE;
    }
}
