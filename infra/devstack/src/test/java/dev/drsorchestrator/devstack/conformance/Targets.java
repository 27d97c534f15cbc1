package dev.drsorchestrator.devstack.conformance;

import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The targets a conformance suite runs against, for {@code @ParameterizedClass @MethodSource}: devstack always, moto
 * for DynamoDB, and whatever {@link Provider}s the test classpath adds ({@code -Plocalstack} adds LocalStack).
 */
public final class Targets {
    /** Adds a target; listed in {@code META-INF/services/dev.drsorchestrator.devstack.conformance.Targets$Provider}. */
    public interface Provider {
        AwsTarget target();
    }

    private static final AwsTarget DEVSTACK = new AwsTarget(AwsTarget.DEVSTACK, () -> {
        Devstack d = DevstackExtension.SharedDevstack.get();
        return new AwsTarget.Endpoint(d.endpoint(), d.region(), d.account());
    });
    private static final AwsTarget MOTO = new AwsTarget(AwsTarget.MOTO, MotoServer::start);
    private static final List<AwsTarget> EXTRA = loadExtra();

    private Targets() {}

    /** For DynamoDB: devstack, moto, and any extra target. */
    public static Stream<AwsTarget> dynamodb() {
        List<AwsTarget> all = new ArrayList<>(List.of(DEVSTACK, MOTO));
        all.addAll(EXTRA);
        return all.stream();
    }

    /** For EventBridge, SQS and SNS: devstack and any extra target. */
    public static Stream<AwsTarget> messaging() {
        List<AwsTarget> all = new ArrayList<>(List.of(DEVSTACK));
        all.addAll(EXTRA);
        return all.stream();
    }

    private static List<AwsTarget> loadExtra() {
        List<AwsTarget> extra = new ArrayList<>();
        ServiceLoader.load(Provider.class).forEach(p -> extra.add(p.target()));
        return List.copyOf(extra);
    }
}
