package dev.drsorchestrator.drsadapter.adapter.out.aws;

import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.Scope;
import dev.drsorchestrator.kit.aws.AwsClients;
import dev.drsorchestrator.kit.tracing.AwsCallTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The AWS clients of each account and region, built once and cached. A configured {@code roleArn} is assumed through
 * STS (credentials cached and refreshed before they expire); other scopes use the service's own credentials.
 *
 * <p>Throttling (429) is retried by the SDK with exponential backoff and full jitter, up to
 * {@code drs.retry.max-attempts}. Reads are also retried on server and network errors; {@code StartRecovery} and the
 * other calls that start jobs are not (they have no client token: a repeat could start a second job), and the
 * dispatcher reconciles with {@code DescribeJobs} instead. Every throttled attempt counts in {@code drs.throttled} by
 * operation ({@link ThrottleCounter}).
 */
@ApplicationScoped
class ScopedClients {

    private final AwsClients aws;
    private final DrsConfig config;
    private final StsClient sts;
    private final ThrottleCounter throttles;
    private final AwsCallTracing tracing;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    ScopedClients(AwsClients aws, DrsConfig config, MeterRegistry metrics, AwsCallTracing tracing) {
        this.aws = aws;
        this.tracing = tracing;
        this.config = config;
        this.throttles = new ThrottleCounter(metrics);
        this.sts = aws.configure(StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .build();
    }

    DrsClient drsReads(Scope scope) {
        return client("drs-read", scope, () -> build(DrsClient.builder(), scope, Calls.READS));
    }

    DrsClient drsStarts(Scope scope) {
        return client("drs-start", scope, () -> build(DrsClient.builder(), scope, Calls.STARTS));
    }

    Ec2Client ec2(Scope scope) {
        return client("ec2", scope, () -> build(Ec2Client.builder(), scope, Calls.READS));
    }

    SsmClient ssm(Scope scope) {
        return client("ssm", scope, () -> build(SsmClient.builder(), scope, Calls.READS));
    }

    LambdaClient lambda(Scope scope) {
        return client("lambda", scope, () -> build(LambdaClient.builder(), scope, Calls.INVOKES));
    }

    @SuppressWarnings("unchecked")
    private <C> C client(String kind, Scope scope, java.util.function.Supplier<C> make) {
        return (C) clients.computeIfAbsent(kind + "|" + scope.key(), k -> make.get());
    }

    /** How a client's calls may be retried. */
    private enum Calls {
        /** Reads: retried on throttling, server and network errors. */
        READS,
        /** Calls that start DRS jobs: retried on throttling only, and bounded well within the launch lease. */
        STARTS,
        /** Lambda invocations: retried on throttling only (a function may not be idempotent). */
        INVOKES
    }

    private <B extends AwsClientBuilder<B, C>, C> C build(B builder, Scope scope, Calls calls) {
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        aws.configure(builder);
        builder.region(Region.of(scope.region()));
        roleFor(scope)
                .ifPresent(a -> builder.credentialsProvider(StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .asyncCredentialUpdateEnabled(false)
                        .refreshRequest(r -> {
                            r.roleArn(a.roleArn().get()).roleSessionName("drs-orchestrator");
                            a.externalId().ifPresent(r::externalId);
                        })
                        .build()));
        Predicate<Throwable> retry =
                calls == Calls.READS ? ScopedClients::transientOrThrottled : ScopedClients::throttled;
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        if (calls == Calls.STARTS) {
            // A call that starts a job, with all its throttling retries, ends well within the launch lease: another
            // instance never reconciles (and maybe starts) a job whose StartRecovery is still in flight.
            override.apiCallTimeout(config.dispatch().lease().dividedBy(2));
        }
        override.addMetricPublisher(throttles);
        override.addExecutionInterceptor(tracing);
        builder.overrideConfiguration(override.retryStrategy(StandardRetryStrategy.builder()
                        .maxAttempts(config.retry().maxAttempts())
                        .circuitBreakerEnabled(false)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(
                                config.retry().baseDelay(), config.retry().maxDelay()))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                config.retry().baseDelay(), config.retry().maxDelay()))
                        .treatAsThrottling(ScopedClients::throttled)
                        .retryOnException(retry)
                        .build())
                .build());
        return builder.build();
    }

    /**
     * The configured role for an account and region: the entry for that region, or else any entry of the account
     * (IAM roles are global, and a failback reaches into the origin Region of an account watched in its recovery
     * Region). None: the service's own credentials.
     */
    private java.util.Optional<DrsConfig.Account> roleFor(Scope scope) {
        List<DrsConfig.Account> ofAccount = config.accounts().stream()
                .filter(a -> a.accountId().equals(scope.accountId().value())
                        && a.roleArn().isPresent())
                .toList();
        return ofAccount.stream()
                .filter(a -> a.region().equals(scope.region()))
                .findFirst()
                .or(() -> ofAccount.stream().findFirst());
    }

    static boolean throttled(Throwable e) {
        return e instanceof AwsServiceException a && (a.statusCode() == 429 || a.isThrottlingException());
    }

    static boolean transientOrThrottled(Throwable e) {
        if (throttled(e)) {
            return true;
        }
        if (e instanceof AwsServiceException a) {
            return a.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(c -> ((software.amazon.awssdk.core.SdkClient) c).close());
        sts.close();
    }
}
