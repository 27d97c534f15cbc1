package dev.drsorchestrator.drsadapter.domain;

/**
 * DRS's quotas in one account and region. Defaults are AWS's (100 servers a job, 20 concurrent jobs, 500 servers in
 * all active jobs, 200 servers a request); they are configured, and overridable per account.
 */
public record Quotas(int serversPerJob, int concurrentJobs, int serversInActiveJobs, int maxServersPerRequest) {

    public static final Quotas DEFAULT = new Quotas(100, 20, 500, 200);

    public Quotas {
        if (serversPerJob < 1 || concurrentJobs < 1 || serversInActiveJobs < 1 || maxServersPerRequest < 1) {
            throw new IllegalArgumentException("every DRS quota must be at least 1");
        }
    }

    /** The most servers one job may take: the per-job quota, within the per-request and active-servers limits. */
    public int jobSize() {
        return Math.min(serversPerJob, Math.min(maxServersPerRequest, serversInActiveJobs));
    }
}
