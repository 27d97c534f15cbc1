package dev.drsorchestrator.kit.metrics;

import dev.drsorchestrator.kit.aws.AwsClients;
import dev.drsorchestrator.kit.config.KitConfig;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Publishes the service's own meters to CloudWatch when {@code kit.metrics.cloudwatch.namespace} is set (in AWS).
 * Quarkus's Micrometer extension adds every {@code MeterRegistry} bean the application produces to its composite
 * registry (the one services inject), besides Prometheus; so this produces a {@link CloudWatchMeterRegistry}, or
 * {@code null} (a {@code @Dependent} producer may) when the namespace is unset, which Quarkus skips: the service is
 * then exactly as without this class. Only the project's meters go ({@link #PREFIXES}), not JVM or HTTP ones, each
 * with the dimension {@code service}; names as in {@link CloudWatchNames}.
 */
@ApplicationScoped
public class CloudWatchMetrics {

    private static final Logger LOG = Logger.getLogger(CloudWatchMetrics.class);

    /** The names of the project's own meters start with one of these. */
    public static final List<String> PREFIXES = List.of("kit.", "execution.", "drs.", "notifier.", "catalog.", "plan.");

    private final KitConfig config;
    private final AwsClients aws;
    private @Nullable CloudWatchAsyncClient client;
    private @Nullable CloudWatchMeterRegistry registry;
    private boolean made;

    CloudWatchMetrics(KitConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
    }

    /** The registry Quarkus adds to its composite; null (none) without a namespace. */
    @Produces
    @Dependent
    @Unremovable
    @Nullable
    CloudWatchMeterRegistry cloudWatchRegistry() {
        return registry();
    }

    /** The CloudWatch registry, made once; null when {@code kit.metrics.cloudwatch.namespace} is not set. */
    public synchronized @Nullable CloudWatchMeterRegistry registry() {
        if (!made) {
            made = true;
            KitConfig.Metrics.CloudWatch cw = config.metrics().cloudwatch();
            if (cw.namespace().isPresent()) {
                client = aws.cloudWatch();
                registry = registry(cw.namespace().get(), cw.step(), config.serviceName(), client, Clock.SYSTEM);
                LOG.infof(
                        "publishing the service's metrics to CloudWatch namespace %s every %s",
                        cw.namespace().get(), cw.step());
            }
        }
        return registry;
    }

    /**
     * A CloudWatch registry that publishes to {@code namespace} every {@code step} and keeps only the project's meters,
     * each with the dimension {@code service}.
     */
    public static CloudWatchMeterRegistry registry(
            String namespace, Duration step, String service, CloudWatchAsyncClient client, Clock clock) {
        CloudWatchConfig settings = new CloudWatchConfig() {
            @Override
            public @Nullable String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(settings, clock, client);
        registry.config()
                .meterFilter(MeterFilter.denyUnless(CloudWatchMetrics::ours))
                .meterFilter(MeterFilter.commonTags(Tags.of(CloudWatchNames.SERVICE, service)));
        return registry;
    }

    /** Whether a meter is one of the project's own (not a JVM, HTTP or library meter). */
    public static boolean ours(Meter.Id id) {
        String name = id.getName();
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Publishes what the last, partial step counted, then stops. */
    synchronized void stop(@Observes ShutdownEvent event) {
        if (registry != null) {
            registry.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
