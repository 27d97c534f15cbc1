package dev.drsorchestrator.devstack.conformance.localstack;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a container, started by Testcontainers on first use, once per test JVM, with the services the suites
 * use (DynamoDB, SQS, SNS, EventBridge); Testcontainers removes it when the JVM exits. Without a Docker engine it
 * cannot run: {@link #endpoint()} then throws {@link AwsTarget.Unavailable}, and the suites report the LocalStack runs
 * as skipped with that reason. {@code -Dconformance.localstack.endpoint=http://host:4566} uses a LocalStack that is
 * already running instead (no Docker needed on the test's side); {@code -Dconformance.localstack=off} skips it.
 */
public final class LocalStack {
    /**
     * Pinned: a numbered 4.x tag, which starts without a LocalStack account. The calendar-versioned images and
     * {@code latest} need an auth token.
     */
    public static final String IMAGE = "localstack/localstack:4.14.0";

    /** LocalStack's default account: any access key that is not a 12-digit account id maps to it. */
    public static final String ACCOUNT = "000000000000";

    static final String[] SERVICES = {"dynamodb", "sqs", "sns", "events"};

    private static LocalStackContainer container;

    private LocalStack() {}

    /** The running LocalStack's endpoint, region and account; starts it on the first call. */
    public static synchronized AwsTarget.Endpoint endpoint() {
        String given = System.getProperty("conformance.localstack.endpoint");
        if (given != null && !given.isBlank()) {
            return new AwsTarget.Endpoint(URI.create(given), "us-east-1", ACCOUNT);
        }
        if ("off".equals(System.getProperty("conformance.localstack"))) {
            throw new AwsTarget.Unavailable("switched off with -Dconformance.localstack=off");
        }
        if (container == null) {
            if (!dockerAvailable()) {
                throw new AwsTarget.Unavailable("no Docker engine: LocalStack cannot run here; run -Plocalstack on a"
                        + " machine with Docker, or point -Dconformance.localstack.endpoint at a running LocalStack"
                        + " (docs/devstack.md)");
            }
            LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(IMAGE)).withServices(SERVICES);
            try {
                c.start();
            } catch (RuntimeException e) {
                c.close();
                throw new AwsTarget.Unavailable(IMAGE + " did not start under Docker: " + e.getMessage());
            }
            container = c;
            System.out.println(
                    "[INFO] conformance: " + IMAGE + " (" + String.join(", ", SERVICES) + ") on " + c.getEndpoint());
        }
        return new AwsTarget.Endpoint(container.getEndpoint(), container.getRegion(), ACCOUNT);
    }

    /** Whether Testcontainers finds a Docker engine (it asks once per JVM and remembers the answer). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
