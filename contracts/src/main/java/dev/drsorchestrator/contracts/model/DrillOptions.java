package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;

/** What happens to drill instances: terminated {@code drillTtlMinutes} after the drill ends when {@code autoCleanup}. */
public record DrillOptions(int drillTtlMinutes, boolean autoCleanup) {

    public static final int DEFAULT_TTL_MINUTES = 120;

    public DrillOptions {
        Require.positive(drillTtlMinutes, "drillTtlMinutes");
    }

    public static DrillOptions defaults() {
        return new DrillOptions(DEFAULT_TTL_MINUTES, true);
    }
}
