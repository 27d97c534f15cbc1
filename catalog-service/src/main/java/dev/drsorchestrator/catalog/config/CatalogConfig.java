package dev.drsorchestrator.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** catalog-service's own settings; the plumbing's are under {@code kit.*}. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Tables tables();

    /** How often to finish server assignments that a crash left half-written. */
    @WithDefault("30s")
    Duration leftoverSweepInterval();

    interface Tables {
        String GROUPS = "catalog-groups";
        String SERVERS = "catalog-source-servers";
        String PLAN_USAGE = "catalog-plan-usage";

        /** Protection groups, the per-scope record that serialises membership changes, sync progress. */
        @WithDefault(GROUPS)
        String groups();

        /** The source-server inventory read model. */
        @WithDefault(SERVERS)
        String servers();

        /** Which recovery plans use which groups. */
        @WithDefault(PLAN_USAGE)
        String planUsage();
    }
}
