package dev.drsorchestrator.devstack.conformance;

import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An AWS endpoint a conformance suite runs against: devstack, moto's server, or (under {@code -Plocalstack})
 * LocalStack. It starts on first use, once per test JVM. When it cannot run here (moto not installed, no Docker for
 * LocalStack), {@link #endpoint()} aborts the test with the reason, so the build reports it as skipped, not passed.
 */
public final class AwsTarget {
    public static final String DEVSTACK = "devstack";
    public static final String MOTO = "moto";
    public static final String LOCALSTACK = "localstack";

    /** Where a started target answers. */
    public record Endpoint(URI uri, String region, String account) {}

    /** Thrown by a target's starter when the target cannot run on this machine; the message says why and what to do. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason);
        }
    }

    private final String name;
    private final Supplier<Endpoint> starter;
    private Endpoint endpoint;
    private String unavailable;
    private DynamoDbClient dynamodb;

    public AwsTarget(String name, Supplier<Endpoint> starter) {
        this.name = name;
        this.starter = starter;
    }

    public String name() {
        return name;
    }

    public boolean is(String targetName) {
        return name.equals(targetName);
    }

    /** The running target's endpoint; aborts the calling test (skipped, with the reason) when it cannot run here. */
    public synchronized Endpoint endpoint() {
        if (endpoint == null && unavailable == null) {
            try {
                endpoint = starter.get();
            } catch (Unavailable e) {
                unavailable = e.getMessage();
                System.out.println("[WARNING] conformance: NOT RUN against " + name + ": " + unavailable);
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> name + " is not available here: " + unavailable);
        return endpoint;
    }

    /** A real SDK v2 client of this target (any service), with static credentials and the target's region. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        Endpoint e = endpoint();
        return builder.endpointOverride(e.uri())
                .region(Region.of(e.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** One DynamoDB client of this target, shared by every case (building a client costs tens of milliseconds). */
    public synchronized DynamoDbClient dynamodb() {
        if (dynamodb == null) {
            dynamodb = client(DynamoDbClient.builder());
        }
        return dynamodb;
    }

    @Override
    public String toString() {
        return name;
    }
}
