package dev.drsorchestrator.devstack.conformance.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Targets;
import org.junit.jupiter.api.Test;

/** Runs with or without Docker: under -Plocalstack, LocalStack is one of the targets every suite runs against. */
class LocalStackTargetsTest {
    @Test
    void localStackIsATargetOfEverySuite() {
        assertThat(Targets.dynamodb()).extracting(AwsTarget::name).containsOnlyOnce(AwsTarget.LOCALSTACK);
        assertThat(Targets.messaging()).extracting(AwsTarget::name).containsOnlyOnce(AwsTarget.LOCALSTACK);
        assertThat(Targets.messaging()).extracting(AwsTarget::name).first().isEqualTo(AwsTarget.DEVSTACK);
    }
}
