package dev.drsorchestrator.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
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

    Auth auth();

    Audit audit();

    Metrics metrics();

    Tracing tracing();

    /**
     * The inbox queue, consumed by SmallRye Reactive Messaging's SQS connector (channel {@code inbox}; the kit's
     * {@code META-INF/microprofile-config.properties} maps these settings onto it).
     */
    interface Inbox {
        /** The inbox queue's name, {@code <service>-events}. */
        String queue();

        /** How many messages are processed at once (the worker pool {@code kit-inbox}). */
        @WithDefault("4")
        int consumers();

        /** Long-poll wait of one receive (SQS allows up to 20 s); a message that arrives meanwhile returns at once. */
        @WithDefault("20")
        int waitSeconds();

        /** The default of {@link #visibilityTimeoutSeconds()}; infra/aws creates the inbox queues with it. */
        int VISIBILITY_TIMEOUT_SECONDS = 60;

        /** How long a received message stays invisible to other consumers while it is processed. */
        @WithDefault("" + VISIBILITY_TIMEOUT_SECONDS)
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

    /**
     * Who may call: bearer JWTs from one issuer (a Cognito user pool in AWS, devstack's locally). The signature, the
     * issuer and the expiry are checked by smallrye-jwt ({@code mp.jwt.verify.*}, set from these in the kit's
     * {@code META-INF/microprofile-config.properties}); the client and the roles here.
     */
    interface Auth {
        /** The issuer URL, such as {@code https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123}. */
        String issuer();

        /** The app clients whose tokens are accepted: an access token's {@code client_id}, an id token's {@code aud}. */
        List<String> clientIds();

        /** The claim that lists the caller's groups (roles). */
        @WithDefault("cognito:groups")
        String groupsClaim();

        /** Scopes that grant roles to machine clients: {@code <prefix><role>}, such as {@code drs/drill-operator}. */
        @WithDefault("drs/")
        String scopePrefix();
    }

    /** Every state-changing request, accepted or refused, is one audit entry. */
    interface Audit {
        @WithDefault("${kit.service-name}-audit")
        String table();

        /** How long an entry is kept (DynamoDB TTL). */
        @WithDefault("P400D")
        Duration retention();
    }

    /** Where the service's own meters go besides Prometheus ({@code /q/metrics}). */
    interface Metrics {
        CloudWatch cloudwatch();

        /**
         * CloudWatch: the project's own meters ({@code kit.}, {@code execution.}, {@code drs.}, {@code notifier.},
         * {@code catalog.}, {@code plan.}), each with a {@code service} dimension, published to {@link #namespace()}
         * every {@link #step()}. Off unless the namespace is set (infra/aws sets {@code
         * KIT_METRICS_CLOUDWATCH_NAMESPACE}); metric names are in {@code kit.metrics.CloudWatchNames}.
         */
        interface CloudWatch {
            /** The CloudWatch namespace, such as {@code DRSOrchestrator}; unset: nothing goes to CloudWatch. */
            Optional<String> namespace();

            /** How often the meters are published; each data point covers one step. */
            @WithDefault("1m")
            Duration step();
        }
    }

    /**
     * Traces (kit.tracing.Tracing): spans are always made and their {@code traceparent} travels with every event; they
     * leave the process only when an OTLP endpoint is set.
     */
    interface Tracing {
        /**
         * An OpenTelemetry collector's OTLP/HTTP address, such as {@code http://localhost:4318} (spans go to
         * {@code /v1/traces}); unset: spans are not exported.
         */
        Optional<String> otlpEndpoint();

        /** The share of new traces recorded (a trace begun elsewhere follows its caller's decision). */
        @WithDefault("1.0")
        double sampleRatio();
    }

    /** The clients that no quarkus-amazon-services extension builds (EventBridge, CloudWatch). */
    interface Aws {
        Optional<String> endpointOverride();

        Optional<String> region();

        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
