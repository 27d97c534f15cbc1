package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AWS Solutions checks pass on every stack; each accepted finding is suppressed with its reason. */
class NagTest {

    private final Synthesized deployment = Synthesized.deployment();

    @Test
    void awsSolutionsChecksPassOnEveryStack() {
        List<String> findings = new ArrayList<>();
        for (Stack stack : deployment.stacks.all()) {
            List<SynthesisMessage> messages = new ArrayList<>();
            messages.addAll(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
            messages.addAll(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
            messages.forEach(m -> findings.add(stack.getStackName() + " " + m.getId() + ": "
                    + String.valueOf(m.getEntry().getData()).lines().findFirst().orElse("")));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void everySuppressionSaysWhy() {
        for (Stack stack : deployment.stacks.all()) {
            String template = deployment.template(stack).toJSON().toString();
            // cdk-nag writes each suppression, with its reason, into the template's metadata.
            for (String reasonless : List.of("reason=}", "reason=,")) {
                assertThat(template).as(stack.getStackName()).doesNotContain(reasonless);
            }
        }
    }
}
