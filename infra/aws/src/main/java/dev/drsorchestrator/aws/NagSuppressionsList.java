package dev.drsorchestrator.aws;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;

/**
 * The cdk-nag (AWS Solutions) findings this design accepts, each with its reason and each limited to the exact
 * permissions or resources it is about. Everything else must pass; the tests fail on any unsuppressed finding.
 */
final class NagSuppressionsList {

    private NagSuppressionsList() {}

    static void apply(Stack stack) {
        List<NagPackSuppression> s = new ArrayList<>();
        if (stack instanceof ServicesStack) {
            s.add(suppress(
                    "AwsSolutions-ECS2",
                    "the environment holds names (tables, queues, bus, issuer; the console's public app client and "
                            + "sign-in URLs), never secrets; the services need no secrets: AWS access comes from the "
                            + "task role, and tokens are verified against the issuer's public keys"));
            s.add(suppress(
                    "AwsSolutions-S1",
                    "this bucket receives the load balancer's access logs; logging its own access would only log "
                            + "the log writes"));
            s.add(suppress(
                    "AwsSolutions-EC23",
                    "the entry point is public by design (the console and APIs), on 443 (and 80, which only "
                            + "redirects to 443), behind AWS WAF; every API needs a bearer token"));
            s.add(iam5(
                    "CDK's grants on the services' own tables and key: the indexes of each table "
                            + "(<table ARN>/index/*) and KMS's GenerateDataKey*/ReEncrypt* on the one data key",
                    List.of("Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*"),
                    List.of("^Resource::.*/index/\\*$")));
            s.add(iam5(
                    "plan-service manages schedules only in its own Scheduler group (schedule/<group>/*); notifier "
                            + "publishes only to the deployment's topics (<prefix>-*), which plans may name",
                    List.of(),
                    List.of(
                            "^Resource::arn:<AWS::Partition>:scheduler:.*:schedule/.*/\\*$",
                            "^Resource::arn:<AWS::Partition>:sns:.*:.*-\\*$")));
        }
        if (!s.isEmpty()) {
            NagSuppressions.addStackSuppressions(stack, s, true);
        }
    }

    /** drs-adapter's task role, and the role it assumes in member accounts. */
    static void recoveryRole(software.constructs.IConstruct role) {
        NagSuppressions.addResourceSuppressions(
                role,
                List.of(iam5(
                        "drs-adapter's recovery permissions (ServiceAccess.recoveryStatements): DRS and EC2 Describe* "
                                + "and ssm:GetCommandInvocation have no resource type (AWS requires *); DRS source "
                                + "servers, recovery instances and jobs, DRS-managed launch templates, SSM documents "
                                + "on instances and the deployment's own Lambda functions are matched by ARN pattern "
                                + "because DRS creates them or plans name them at run time; EC2 launch actions work "
                                + "only when an AWS service (DRS) calls with the caller's permissions (aws:ViaAWSService)",
                        List.of(),
                        List.of("^Resource::\\*$", "^Resource::arn:<AWS::Partition>:(drs|ec2|ssm|lambda):.*"))),
                true);
    }

    /**
     * A task role's {@code cloudwatch:PutMetricData} and, with tracing, X-Ray's {@code PutTraceSegments} and
     * {@code PutTelemetryRecords}: none has a resource type.
     */
    static void metrics(software.constructs.IConstruct role) {
        NagSuppressions.addResourceSuppressions(
                role,
                List.of(iam5(
                        "cloudwatch:PutMetricData has no resource type, so AWS requires *; it is limited to the "
                                + "deployment's namespace by the cloudwatch:namespace condition. X-Ray's "
                                + "PutTraceSegments and PutTelemetryRecords (tracing on) have no resource type either",
                        List.of(),
                        List.of("^Resource::\\*$"))),
                true);
    }

    /** A task definition's execution role, which pulls the image and writes the logs. */
    static void executionRole(software.constructs.IConstruct task) {
        NagSuppressions.addResourceSuppressions(
                task,
                List.of(iam5(
                        "the task execution role pulls the image and writes logs; ecr:GetAuthorizationToken has no "
                                + "resource type, so AWS requires *",
                        List.of(),
                        List.of("^Resource::\\*$"))),
                true);
    }

    private static NagPackSuppression suppress(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }

    private static NagPackSuppression iam5(String reason, List<String> exact, List<String> patterns) {
        List<Object> appliesTo = new ArrayList<>(exact);
        for (String pattern : patterns) {
            appliesTo.add(RegexAppliesTo.builder().regex("/" + pattern + "/").build());
        }
        return NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(appliesTo)
                .build();
    }
}
