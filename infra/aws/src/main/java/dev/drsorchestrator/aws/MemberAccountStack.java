package dev.drsorchestrator.aws;

import dev.drsorchestrator.contracts.routing.EventSource;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.constructs.Construct;

/**
 * What each member (source) account holds, as a plain CloudFormation template that StackSets can roll out across an
 * organizational unit (no CDK bootstrap, no assets): the role drs-adapter assumes, trusting only drs-adapter's task
 * role in the recovery account and only with the ExternalId, allowed only the DRS and EC2 actions drs-adapter calls;
 * and the rule that forwards the account's {@code aws.drs} events to the recovery account's project bus.
 */
public final class MemberAccountStack extends Stack {

    /** Where the recovery account's deployment is: its account, Region and prefix. */
    public record RecoveryAccount(String accountId, String region, Deployment deployment) {}

    /**
     * @param externalId what drs-adapter gives when it assumes the role here (the deployment's {@code externalId})
     */
    public MemberAccountStack(
            Construct scope, String id, Settings settings, String externalId, RecoveryAccount recovery) {
        super(
                scope,
                id,
                StackProps.builder()
                        .synthesizer(new BootstraplessSynthesizer())
                        .description("DRS Orchestrator member account (" + settings.prefix() + "): the role "
                                + "drs-adapter assumes and the forwarding of DRS events to account "
                                + recovery.accountId())
                        .build());
        String partition = getPartition();
        String drsAdapterRole = "arn:" + partition + ":iam::" + recovery.accountId() + ":role/"
                + recovery.deployment().drsAdapterRoleName();
        CfnRole role = CfnRole.Builder.create(this, "DrsAdapterRole")
                .roleName(settings.memberRoleName())
                .description("Assumed by DRS Orchestrator's drs-adapter in account " + recovery.accountId()
                        + " to recover this account's servers")
                .maxSessionDuration(3600)
                .assumeRolePolicyDocument(document(Map.of(
                        "Effect",
                        "Allow",
                        "Principal",
                        Map.of("AWS", "arn:" + partition + ":iam::" + recovery.accountId() + ":root"),
                        "Action",
                        "sts:AssumeRole",
                        "Condition",
                        Map.of(
                                "StringEquals",
                                Map.of("sts:ExternalId", externalId),
                                "ArnEquals",
                                Map.of("aws:PrincipalArn", drsAdapterRole)))))
                .policies(List.of(CfnRole.PolicyProperty.builder()
                        .policyName("drs-orchestrator-recovery")
                        .policyDocument(PolicyDocument.Builder.create()
                                .statements(
                                        ServiceAccess.recoveryStatements(partition, getAccount(), settings.prefix()))
                                .build())
                        .build()))
                .build();

        NagSuppressionsList.recoveryRole(role);

        String bus = "arn:" + partition + ":events:" + recovery.region() + ":" + recovery.accountId() + ":event-bus/"
                + recovery.deployment().busName();
        CfnRole forwarder = CfnRole.Builder.create(this, "ForwarderRole")
                .description("Lets EventBridge put this account's DRS events on the recovery account's bus")
                .assumeRolePolicyDocument(document(Map.of(
                        "Effect",
                        "Allow",
                        "Principal",
                        Map.of("Service", "events.amazonaws.com"),
                        "Action",
                        "sts:AssumeRole")))
                .policies(List.of(CfnRole.PolicyProperty.builder()
                        .policyName("put-on-recovery-bus")
                        .policyDocument(
                                document(Map.of("Effect", "Allow", "Action", "events:PutEvents", "Resource", bus)))
                        .build()))
                .build();
        CfnRule.Builder.create(this, "ForwardDrsEvents")
                .name(settings.prefix() + "-forward-drs-events")
                .description("This account's DRS events to DRS Orchestrator's bus in " + recovery.accountId())
                .eventBusName("default")
                .eventPattern(Map.of("source", List.of(EventSource.AWS_DRS.source())))
                .targets(List.of(CfnRule.TargetProperty.builder()
                        .id("recovery-bus")
                        .arn(bus)
                        .roleArn(forwarder.getAttrArn())
                        .build()))
                .build();
        CfnOutput.Builder.create(this, "RoleArn")
                .value(role.getAttrArn())
                .description("The role drs-adapter assumes here")
                .build();
    }

    /** An IAM policy document of one statement. */
    private static Map<String, Object> document(Map<String, Object> statement) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(statement));
    }
}
