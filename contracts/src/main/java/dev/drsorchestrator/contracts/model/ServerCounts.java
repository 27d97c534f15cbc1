package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;

/** How many servers of a wave or an execution launched, failed, or are still pending or were left out. */
public record ServerCounts(int total, int launched, int failed, int pending, int excluded) {

    public ServerCounts {
        Require.nonNegative(total, "counts.total");
        Require.nonNegative(launched, "counts.launched");
        Require.nonNegative(failed, "counts.failed");
        Require.nonNegative(pending, "counts.pending");
        Require.nonNegative(excluded, "counts.excluded");
        if (launched + failed + pending + excluded > total) {
            throw new IllegalArgumentException("counts add up to more than counts.total " + total);
        }
    }
}
