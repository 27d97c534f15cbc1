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
        /** Protection groups, the per-scope record that serialises membership changes, sync progress. */
        @WithDefault("catalog-groups")
        String groups();

        /** The source-server inventory read model. */
        @WithDefault("catalog-source-servers")
        String servers();

        /** Which recovery plans use which groups. */
        @WithDefault("catalog-plan-usage")
        String planUsage();
    }
}
