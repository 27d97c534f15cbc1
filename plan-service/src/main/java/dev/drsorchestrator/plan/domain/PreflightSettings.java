package dev.drsorchestrator.plan.domain;

/**
 * DRS's quotas and the durations an RTO estimate assumes.
 *
 * @param serversPerJob source servers one {@code StartRecovery} job may take (DRS: 100)
 * @param concurrentJobs jobs in flight at once per account and region (DRS: 20)
 * @param serversInActiveJobs servers in all active jobs at once (DRS: 500)
 * @param launchSeconds how long one round of jobs takes to launch its instances
 * @param actionSeconds how long a wave action (SSM, Lambda, HTTP check) is assumed to take
 */
public record PreflightSettings(
        int serversPerJob, int concurrentJobs, int serversInActiveJobs, int launchSeconds, int actionSeconds) {}
