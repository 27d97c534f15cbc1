package dev.drsorchestrator.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * What every service configures for its plumbing: its name, the bus it publishes to, its inbox queue, its outbox and
 * processed-events tables, and whether to create its own infrastructure on start (dev and test only; in AWS,
 * {@code infra/aws} creates it).
 */
@ConfigMapping(prefix = "kit")
public interface KitConfig {

    /** The service's name, such as {@code catalog-service}; also the {@code source} suffix of what it publishes. */
    String serviceName();

    /** The project's custom event bus. */
    @WithDefault("drs-orchestrator")
    String busName();

    /** Prefix of the EventBridge rule names (the bus name unless two deployments share an account). */
    Optional<String> rulePrefix();

    Inbox inbox();

    Outbox outbox();

    ProcessedEvents processedEvents();

    /** Create tables, queues, the bus and this service's rules on start when they are missing (dev and test). */
    @WithDefault("false")
    boolean provision();

    Aws aws();

    interface Inbox {
        /** Whether to consume the inbox queue at all. */
        @WithDefault("true")
        boolean enabled();

        /** The inbox queue's name, {@code <service>-events}. */
        String queue();

        @WithDefault("2")
        int consumers();

        /** Long-poll wait of one receive; also the longest a shutdown waits for a poller. */
        @WithDefault("10")
        int waitSeconds();

        /** How long a received message stays invisible to other consumers while it is processed. */
        @WithDefault("60")
        int visibilityTimeoutSeconds();
    }

    interface Outbox {
        @WithDefault("${kit.service-name}-outbox")
        String table();

        /** How often the relay looks for events that a crash left unpublished. */
        @WithDefault("5s")
        Duration sweepInterval();

        /** Events younger than this are left to the fast path that wrote them. */
        @WithDefault("3s")
        Duration sweepMinAge();
    }

    interface ProcessedEvents {
        @WithDefault("${kit.service-name}-processed-events")
        String table();

        /** How long a consumed event id is remembered (longer than any redelivery). */
        @WithDefault("P7D")
        Duration retention();
    }

    /** The clients that no quarkus-amazon-services extension builds (EventBridge). */
    interface Aws {
        Optional<String> endpointOverride();

        Optional<String> region();

        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
