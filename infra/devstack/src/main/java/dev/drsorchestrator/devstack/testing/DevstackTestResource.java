package dev.drsorchestrator.devstack.testing;

import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.cognito.DefaultUserPool;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quarkus: {@code @QuarkusTestResource(DevstackTestResource.class)} points every quarkus-amazon-services client at
 * the JVM's shared devstack (static credentials, its region) and sets {@code devstack.endpoint} for anything else
 * (the SQS connector, plain SDK clients). It also points the service kit's token verification at devstack's default
 * user pool: {@code kit.auth.issuer} (its issuer URL) and {@code kit.auth.client-ids} ({@code drs-console,drs-automation}).
 * The devstack outlives the Quarkus app and is shared by all test classes.
 */
public final class DevstackTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String[] CLIENTS = {
        "sqs", "dynamodb", "sns", "sts", "ssm", "lambda", "eventbridge", "scheduler", "drs", "ec2"
    };

    @Override
    public Map<String, String> start() {
        return properties(DevstackExtension.SharedDevstack.get());
    }

    /** The properties for a given devstack (also usable outside Quarkus test resources). */
    public static Map<String, String> properties(Devstack devstack) {
        String endpoint = devstack.endpoint().toString();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("devstack.endpoint", endpoint);
        p.put("devstack.account", devstack.account());
        p.put("devstack.region", devstack.region());
        p.put("kit.auth.issuer", devstack.cognito().defaultPool().issuer().toString());
        p.put("kit.auth.client-ids", String.join(",", DefaultUserPool.CLIENT_IDS));
        for (String c : CLIENTS) {
            p.put("quarkus." + c + ".endpoint-override", endpoint);
            p.put("quarkus." + c + ".aws.region", devstack.region());
            p.put("quarkus." + c + ".aws.credentials.type", "static");
            p.put("quarkus." + c + ".aws.credentials.static-provider.access-key-id", "devstack");
            p.put("quarkus." + c + ".aws.credentials.static-provider.secret-access-key", "devstack");
        }
        return p;
    }

    @Override
    public void stop() {
        // shared with the other test classes of this JVM; closed when the JVM exits
    }
}
