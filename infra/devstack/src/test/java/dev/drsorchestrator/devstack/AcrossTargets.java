package dev.drsorchestrator.devstack;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;

/**
 * What the EventBridge, SNS and SQS suites share: the target they run against (a parameter of the class: devstack,
 * and LocalStack too under {@code -Plocalstack}), {@link Clients} of it, names unique to each case (so no case needs a
 * global reset, and every case can run on a target it shares with the others), ARNs in the target's own region and
 * account, the skip of cases that need devstack itself, and the skip of known divergences ({@link Diverges}).
 * Concrete classes are {@code @ParameterizedClass(name = "[{0}]")
 * @MethodSource("dev.drsorchestrator.devstack.conformance.Targets#messaging")}.
 */
abstract class AcrossTargets {
    /** {@code DevstackConfig.forTests()}'s account and region, which devstack's ARNs must carry. */
    static final String DEVSTACK_ACCOUNT = "000000000000";

    static final String DEVSTACK_REGION = "us-east-1";

    @Parameter
    AwsTarget target;

    Clients clients;
    private String suffix;

    @BeforeEach
    final void connect(TestInfo info) {
        info.getTestMethod().ifPresent(m -> {
            for (Diverges d : m.getAnnotationsByType(Diverges.class)) {
                Assumptions.assumeFalse(target.is(d.target()), () -> target + " diverges from AWS here: " + d.reason());
            }
        });
        clients = new Clients(target);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A name unique to this case: the prefix and the case's own suffix (the same prefix gives the same name). */
    String name(String prefix) {
        return prefix + "-" + suffix;
    }

    /**
     * The region ARNs and events carry: on devstack the test default, pinned as these cases always pinned it (so a
     * devstack that put another region in its ARNs fails them); elsewhere the region the target runs in.
     */
    String region() {
        return target.is(AwsTarget.DEVSTACK)
                ? DEVSTACK_REGION
                : target.endpoint().region();
    }

    /** The account ARNs and events carry: on devstack its test default, pinned; elsewhere the target's own. */
    String account() {
        return target.is(AwsTarget.DEVSTACK)
                ? DEVSTACK_ACCOUNT
                : target.endpoint().account();
    }

    /** An ARN of this target: {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region() + ":" + account() + ":" + resource;
    }

    /**
     * For a case that needs devstack itself (its admin API, its delivery log …): skipped, with the reason, on every
     * other target; on devstack, returns it.
     */
    Devstack devstackOnly(String reason) {
        Assumptions.assumeTrue(target.is(AwsTarget.DEVSTACK), () -> "devstack only: " + reason);
        return DevstackExtension.SharedDevstack.get();
    }
}
