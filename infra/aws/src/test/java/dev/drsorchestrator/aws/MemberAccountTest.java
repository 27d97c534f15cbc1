package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** A member account's template: a role only drs-adapter may assume with the ExternalId, and DRS events forwarded. */
class MemberAccountTest {

    private final Synthesized deployment = Synthesized.deployment();
    private final Template member = deployment.template(deployment.stacks.member());

    @Test
    void onlyDrsAdapterMayAssumeTheRoleAndOnlyWithTheExternalId() {
        String trust = member.findResources(
                        "AWS::IAM::Role",
                        Match.objectLike(Map.of("Properties", Map.of("RoleName", "drs-orchestrator-member"))))
                .toString();
        assertThat(trust)
                .contains("Action=sts:AssumeRole")
                .contains("StringEquals={sts:ExternalId=drs-orchestrator-example}")
                .contains("ArnEquals={aws:PrincipalArn={Fn::Join=[, [arn:, {Ref=AWS::Partition}, "
                        + ":iam::123456789012:role/drs-orchestrator-drs-adapter-task]]}}")
                .contains(":iam::123456789012:root");
        String role = member.findResources(
                        "AWS::IAM::Role",
                        Match.objectLike(Map.of("Properties", Map.of("RoleName", "drs-orchestrator-member"))))
                .toString();
        assertThat(role)
                .contains("drs:StartRecovery", "drs:TerminateRecoveryInstances", "ec2:CreateLaunchTemplateVersion")
                .doesNotContain("sts:AssumeRole\", \"Resource", "dynamodb:", "sqs:", "events:PutEvents");
    }

    @Test
    void drsEventsAreForwardedToTheRecoveryAccountsBus() {
        String rule = member.findResources("AWS::Events::Rule").toString();
        assertThat(rule)
                .contains("EventBusName=default")
                .contains("EventPattern={source=[aws.drs]}")
                .contains(":events:eu-west-1:123456789012:event-bus/drs-orchestrator]]}")
                .contains("RoleArn=");
    }

    @Test
    void theTemplateNeedsNoBootstrapSoStackSetsCanDeployIt() {
        assertThat(member.toJSON().toString())
                .doesNotContain("BootstrapVersion")
                .doesNotContain("cdk-hnb659fds");
    }
}
