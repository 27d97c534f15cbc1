package dev.drsorchestrator.devstack.conformance.localstack;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Targets;

/**
 * Adds LocalStack to the conformance targets ({@code Targets#dynamodb}, {@code Targets#messaging}) under
 * {@code -Plocalstack}; listed in {@code META-INF/services/dev.drsorchestrator.devstack.conformance.Targets$Provider}.
 */
public final class LocalStackTargets implements Targets.Provider {
    @Override
    public AwsTarget target() {
        return new AwsTarget(AwsTarget.LOCALSTACK, LocalStack::endpoint);
    }
}
