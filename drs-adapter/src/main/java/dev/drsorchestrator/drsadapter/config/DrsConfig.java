package dev.drsorchestrator.drsadapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code drs.*}: the accounts to work in, DRS's quotas, and how often to look at jobs, actions and inventory. */
@ConfigMapping(prefix = "drs")
public interface DrsConfig {

    String TABLE = "drs-adapter-jobs";

    /** Tables: job requests, wave records, actions and inventory state. */
    @WithDefault(TABLE)
    String table();

    /** The accounts and regions to work in; none configured means the caller's own account in kit.aws.region. */
    List<Account> accounts();

    Quota quotas();

    Tracking tracking();

    Dispatch dispatch();

    Retry retry();

    Inventory inventory();

    Actions actions();

    interface Account {
        String accountId();

        String region();

        /** A role to assume in that account (STS); absent: the service's own credentials. */
        Optional<String> roleArn();

        Optional<String> externalId();

        /** Per-account quota overrides (a raised Service Quotas value). */
        Optional<Integer> serversPerJob();

        Optional<Integer> concurrentJobs();

        Optional<Integer> serversInActiveJobs();
    }

    interface Quota {
        @WithDefault("100")
        int serversPerJob();

        @WithDefault("20")
        int concurrentJobs();

        @WithDefault("500")
        int serversInActiveJobs();

        @WithDefault("200")
        int maxServersPerRequest();
    }

    interface Tracking {
        /** The longest time between two looks at a job in flight (DRS events make it faster). */
        @WithDefault("15s")
        Duration pollInterval();

        /** How soon a job is looked at after it started or changed; doubles while nothing changes. */
        @WithDefault("2s")
        Duration minPollInterval();

        /** How often the tracker wakes to poll due jobs and jobs DRS events pointed at. */
        @WithDefault("500ms")
        Duration tick();
    }

    interface Dispatch {
        /** How often the launch queue is looked at (also right after a wave is planned or a job completes). */
        @WithDefault("1s")
        Duration interval();

        /** How long an instance owns a launch it decided; after that another instance reconciles and takes it. */
        @WithDefault("60s")
        Duration lease();

        /** After an ambiguous StartRecovery error, how long to wait before looking for the job with DescribeJobs. */
        @WithDefault("5s")
        Duration reconcileDelay();

        /** How far before the launch intent DescribeJobs looks for the job. */
        @WithDefault("15m")
        Duration reconcileWindow();

        /** Whether this instance launches and tracks jobs and runs actions (off: REST and inbox only). */
        @WithDefault("true")
        boolean enabled();
    }

    /** REPROTECT and FAILBACK runs. */
    Failback failback();

    interface Failback {
        /**
         * How long a REPROTECT or FAILBACK wave waits for what is outside the orchestrator (a Failback Client to be
         * booted, replication to reach CONTINUOUS) before the servers still waiting fail with what they waited for.
         */
        @WithDefault("24h")
        Duration maxWait();
    }

    interface Retry {
        /** Attempts per AWS call when throttled (429), with exponential backoff and full jitter. */
        @WithDefault("10")
        int maxAttempts();

        @WithDefault("200ms")
        Duration baseDelay();

        @WithDefault("10s")
        Duration maxDelay();
    }

    interface Inventory {
        @WithDefault("5m")
        Duration syncInterval();

        @WithDefault("true")
        boolean enabled();

        /**
         * Whether a sync also reads each server's launch configuration and launch template (two calls per server)
         * and the account's network, so that drift shows in preflight.
         */
        @WithDefault("true")
        boolean launchSettings();

        /** How many servers' launch settings a sync reads at once. */
        @WithDefault("8")
        int launchSettingsConcurrency();
    }

    interface Actions {
        /** Output kept from an action (the event carries at most 4,096 characters). */
        @WithDefault("4096")
        int maxExcerpt();
    }
}
