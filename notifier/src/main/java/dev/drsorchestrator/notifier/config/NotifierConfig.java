package dev.drsorchestrator.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code notifier.*}: the default topic, where links in messages point, and how publishing is retried. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    String TABLE = "notifier-notifications";

    /** The delivery log and subscriptions. */
    @WithDefault(TABLE)
    String table();

    /** The default topic's name; created at start when absent. */
    @WithDefault("drs-orchestrator-notifications")
    String defaultTopic();

    /** The default topic's ARN, when it is managed elsewhere (infra/aws); wins over {@link #defaultTopic()}. */
    Optional<String> defaultTopicArn();

    /** execution-service's base URL, for the links and the approve command in messages. */
    @WithDefault("http://localhost:8083")
    String executionServiceUrl();

    Publish publish();

    interface Publish {
        /** The first wait after an SNS error; doubles per attempt. */
        @WithDefault("5s")
        Duration retryInterval();

        /** Attempts before a notification is marked FAILED (kept, listed, retried by hand). */
        @WithDefault("8")
        int maxAttempts();

        /** How long an instance owns a publish; a crash mid-publish is retried after it. */
        @WithDefault("30s")
        Duration lease();

        @WithDefault("1s")
        Duration sweepInterval();
    }
}
