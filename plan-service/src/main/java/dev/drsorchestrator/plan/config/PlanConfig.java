package dev.drsorchestrator.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** plan-service's own settings; the plumbing's are under {@code kit.*}. */
@ConfigMapping(prefix = "plan")
public interface PlanConfig {

    Tables tables();

    Scheduler scheduler();

    Quotas quotas();

    Estimate estimate();

    /** How long alarm and schedule activations stay visible. */
    @WithDefault("90")
    int activationRetentionDays();

    interface Tables {
        String PLANS = "plan-plans";
        String CATALOG = "plan-catalog";

        /** Plans, name claims, alarm bindings, drill schedules, last executions, activations. */
        @WithDefault(PLANS)
        String plans();

        /** The read model of protection groups and server replication. */
        @WithDefault(CATALOG)
        String catalog();
    }

    interface Scheduler {
        /** The EventBridge Scheduler group the drill schedules live in (created on start when provisioning). */
        @WithDefault("drs-orchestrator")
        String group();

        /** The role EventBridge Scheduler assumes to put events on the bus; required to create schedules. */
        Optional<String> roleArn();
    }

    /** DRS's quotas, for preflight's job counts (read the account's real values from Service Quotas). */
    interface Quotas {
        @WithDefault("100")
        int serversPerJob();

        @WithDefault("20")
        int concurrentJobs();

        @WithDefault("500")
        int serversInActiveJobs();
    }

    /** What the RTO estimate assumes. */
    interface Estimate {
        /** One round of DRS jobs, from StartRecovery to launched instances. */
        @WithDefault("900")
        int launchSeconds();

        /** One SSM, Lambda or HTTP-check action. */
        @WithDefault("120")
        int actionSeconds();
    }
}
