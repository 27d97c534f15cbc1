package dev.drsorchestrator.kit.aws;

import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.tracing.AwsCallTracing;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Builds the AWS clients that no quarkus-amazon-services extension provides (EventBridge, CloudWatch), from
 * {@code kit.aws.*}: an endpoint override, a region and static keys when configured (devstack), the SDK's default
 * chains otherwise (AWS).
 */
@ApplicationScoped
public class AwsClients {

    private final KitConfig.Aws config;

    AwsClients(KitConfig config) {
        this.config = config.aws();
    }

    /** Applies the endpoint, region and credentials of {@code kit.aws.*} to any SDK client builder. */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        config.endpointOverride().map(URI::create).ifPresent(builder::endpointOverride);
        config.region().map(Region::of).ifPresent(builder::region);
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId().get(), config.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder;
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    EventBridgeClient eventBridge(AwsCallTracing tracing) {
        return configure(EventBridgeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .overrideConfiguration(o -> o.addExecutionInterceptor(tracing))
                .build();
    }

    void close(@Disposes EventBridgeClient client) {
        client.close();
    }

    /**
     * A new CloudWatch client for the metrics registry ({@code kit.metrics.CloudWatchMetrics}), which closes it.
     * Asynchronous, as Micrometer's registry wants; the SDK's default async HTTP client (Netty).
     */
    public CloudWatchAsyncClient cloudWatch() {
        return configure(CloudWatchAsyncClient.builder()).build();
    }
}
