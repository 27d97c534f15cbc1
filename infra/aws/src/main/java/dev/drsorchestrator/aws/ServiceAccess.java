package dev.drsorchestrator.aws;

import dev.drsorchestrator.contracts.routing.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/**
 * Least privilege, per service. Every service may use only its own tables and its own inbox and dead-letter queue,
 * and put events on the project bus. Beyond that: plan-service manages schedules in its Scheduler group and passes
 * the Scheduler role; notifier publishes to and manages subscriptions of the notifications topic; only drs-adapter
 * calls the recovery APIs (DRS, EC2, SSM, Lambda) and assumes member accounts' roles.
 *
 * <p>The actions that AWS does not authorize per resource are granted on {@code *}; {@link #WILDCARD_REASONS}
 * lists each one with the reason, and the tests hold every {@code *} to that list.
 */
final class ServiceAccess {

    /**
     * Actions granted on every resource, each because AWS offers no narrower resource for it (IAM's "Actions,
     * resources, and condition keys" pages).
     */
    static final Map<String, String> WILDCARD_REASONS = Map.ofEntries(
            Map.entry("drs:DescribeSourceServers", "DRS defines no resource type for DescribeSourceServers"),
            Map.entry("drs:DescribeJobs", "DRS defines no resource type for DescribeJobs"),
            Map.entry("drs:DescribeRecoveryInstances", "DRS defines no resource type for DescribeRecoveryInstances"),
            Map.entry(
                    "drs:DescribeReplicationConfigurationTemplates",
                    "no resource type; ReverseReplication depends on it"),
            Map.entry("drs:ListTagsForResource", "no resource type in this form; StartRecovery depends on it"),
            Map.entry("ec2:Describe*", "EC2's Describe actions support no resource-level permissions"),
            Map.entry("ssm:GetCommandInvocation", "SSM defines no resource type for GetCommandInvocation"),
            Map.entry(
                    "cloudwatch:PutMetricData",
                    "CloudWatch defines no resource type for PutMetricData; the namespace is a condition instead"),
            Map.entry("xray:PutTraceSegments", "X-Ray defines no resource type for PutTraceSegments"),
            Map.entry("xray:PutTelemetryRecords", "X-Ray defines no resource type for PutTelemetryRecords"));

    private ServiceAccess() {}

    static void grant(Service service, Role role, CoreStack core, Settings settings) {
        for (Table table : core.tables(service)) {
            table.grantReadWriteData(role);
        }
        core.inbox(service).grantConsumeMessages(role);
        // Unreadable messages go to the dead-letter queue at once, with the reason; readiness looks both queues up.
        core.deadLetters(service).grantSendMessages(role);
        core.bus().grantPutEventsTo(role);
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("OwnMetrics")
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", ObservabilityStack.NAMESPACE)))
                .build());
        if (settings.tracing()) {
            // The collector beside the service (ServiceParts.collector) sends the spans to X-Ray with the task role.
            role.addToPolicy(PolicyStatement.Builder.create()
                    .sid("Traces")
                    .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"))
                    .resources(List.of("*"))
                    .build());
        }
        NagSuppressionsList.metrics(role);
        Stack stack = Stack.of(role);
        switch (service) {
            case PLAN -> {
                role.addToPolicy(PolicyStatement.Builder.create()
                        .sid("DrillSchedules")
                        .actions(List.of(
                                "scheduler:CreateSchedule",
                                "scheduler:UpdateSchedule",
                                "scheduler:DeleteSchedule",
                                "scheduler:GetSchedule"))
                        .resources(List.of("arn:" + stack.getPartition() + ":scheduler:" + stack.getRegion() + ":"
                                + stack.getAccount() + ":schedule/"
                                + core.deployment().scheduleGroup() + "/*"))
                        .build());
                role.addToPolicy(PolicyStatement.Builder.create()
                        .sid("PassScheduleRole")
                        .actions(List.of("iam:PassRole"))
                        .resources(List.of(core.scheduleRole().getRoleArn()))
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")))
                        .build());
                // The schedules' target is the bus, which plan-service looks up by name.
                role.addToPolicy(statement(
                        "ScheduleTarget",
                        List.of("events:DescribeEventBus"),
                        List.of(core.bus().getEventBusArn())));
            }
            case NOTIFIER -> {
                // The notifications topic, and the deployment's other topics a plan or subscription may name.
                core.notifications().grantPublish(role);
                role.addToPolicy(statement(
                        "Topics",
                        List.of("sns:Publish", "sns:Subscribe", "sns:Unsubscribe"),
                        List.of(
                                core.notifications().getTopicArn(),
                                "arn:" + stack.getPartition() + ":sns:" + stack.getRegion() + ":" + stack.getAccount()
                                        + ":" + settings.prefix() + "-*")));
            }
            case DRS_ADAPTER -> {
                // Its own policy (not the role's default one, which would overflow into policies made at synthesis).
                ManagedPolicy recovery = ManagedPolicy.Builder.create(stack, "DrsAdapterRecovery")
                        .description("drs-adapter: DRS, EC2, SSM and Lambda in the recovery account")
                        .statements(recoveryStatements(stack.getPartition(), stack.getAccount(), settings.prefix()))
                        .roles(List.of(role))
                        .build();
                NagSuppressionsList.recoveryRole(recovery);
                if (!settings.memberAccounts().isEmpty()) {
                    role.addToPolicy(PolicyStatement.Builder.create()
                            .sid("MemberAccounts")
                            .actions(List.of("sts:AssumeRole"))
                            .resources(settings.memberAccounts().stream()
                                    .map(a -> "arn:" + stack.getPartition() + ":iam::" + a + ":role/"
                                            + settings.memberRoleName())
                                    .toList())
                            .build());
                }
            }
            default -> {
                // catalog and execution: tables, queue and bus only
            }
        }
    }

    /**
     * What drs-adapter may do with DRS, EC2, SSM and Lambda: in the recovery account (its task role) and in each
     * member account (the role it assumes there). Regions are {@code *}: a failback launches in the origin Region.
     */
    static List<PolicyStatement> recoveryStatements(String partition, String account, String prefix) {
        String drs = "arn:" + partition + ":drs:*:" + account + ":";
        String ec2 = "arn:" + partition + ":ec2:*:" + account + ":";
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(statement(
                "DrsReads",
                List.of(
                        "drs:DescribeSourceServers",
                        "drs:DescribeJobs",
                        "drs:DescribeRecoveryInstances",
                        "drs:DescribeReplicationConfigurationTemplates",
                        "drs:ListTagsForResource"),
                List.of("*")));
        statements.add(statement(
                "DrsSourceServers",
                List.of(
                        "drs:GetLaunchConfiguration",
                        "drs:UpdateLaunchConfiguration",
                        "drs:DescribeRecoverySnapshots",
                        "drs:StartRecovery",
                        "drs:CreateRecoveryInstanceForDrs"),
                List.of(drs + "source-server/*")));
        statements.add(statement(
                "DrsRecoveryInstances",
                List.of(
                        "drs:StartFailbackLaunch",
                        "drs:ReverseReplication",
                        "drs:StopFailback",
                        "drs:TerminateRecoveryInstances"),
                List.of(drs + "recovery-instance/*")));
        statements.add(statement("DrsJobLogs", List.of("drs:DescribeJobLogItems"), List.of(drs + "job/*")));
        statements.add(PolicyStatement.Builder.create()
                .sid("DrsJobTags")
                .actions(List.of("drs:TagResource"))
                .resources(List.of(drs + "job/*"))
                .conditions(Map.of(
                        "StringEquals", Map.of("drs:CreateAction", List.of("StartRecovery", "StartFailbackLaunch"))))
                .build());
        statements.add(statement(
                "Ec2Reads",
                List.of(
                        "ec2:DescribeLaunchTemplateVersions",
                        "ec2:DescribeLaunchTemplates",
                        "ec2:DescribeSubnets",
                        "ec2:DescribeSecurityGroups",
                        "ec2:DescribeInstanceTypeOfferings",
                        "ec2:DescribeInstances",
                        "ec2:DescribeInstanceStatus",
                        "ec2:DescribeInstanceTypes",
                        "ec2:DescribeInstanceAttribute",
                        "ec2:DescribeVolumes",
                        "ec2:DescribeSnapshots",
                        "ec2:DescribeImages",
                        "ec2:DescribeAvailabilityZones",
                        "ec2:DescribeAccountAttributes"),
                List.of("*")));
        // Launch settings: only the launch templates DRS manages.
        statements.add(PolicyStatement.Builder.create()
                .sid("DrsLaunchTemplates")
                .actions(List.of("ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"))
                .resources(List.of(ec2 + "launch-template/*"))
                .conditions(Map.of("Null", Map.of("aws:ResourceTag/AWSElasticDisasterRecoveryManaged", "false")))
                .build());
        // DRS launches and terminates instances with its caller's permissions (forward access sessions): these
        // work only inside an AWS service's call, never when drs-adapter calls EC2 itself. (EBS encrypted with a
        // customer-managed key also needs that key's grants for the caller: not given here; docs/deploy.md.)
        statements.add(PolicyStatement.Builder.create()
                .sid("DrsLaunchesThroughDrs")
                .actions(List.of(
                        "ec2:RunInstances",
                        "ec2:CreateVolume",
                        "ec2:AttachVolume",
                        "ec2:DetachVolume",
                        "ec2:DeleteVolume",
                        "ec2:CreateSnapshot",
                        "ec2:DeleteSnapshot",
                        "ec2:CreateTags",
                        "ec2:CreateLaunchTemplate",
                        "ec2:DeleteLaunchTemplateVersions",
                        "ec2:StartInstances",
                        "ec2:StopInstances",
                        "ec2:TerminateInstances",
                        "ec2:ModifyInstanceAttribute",
                        "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:AuthorizeSecurityGroupEgress",
                        "ec2:RevokeSecurityGroupEgress"))
                // Snapshot and image ARNs carry no account.
                .resources(List.of(
                        ec2 + "*", "arn:" + partition + ":ec2:*::image/*", "arn:" + partition + ":ec2:*::snapshot/*"))
                // As AWS's own AWSElasticDisasterRecoveryConsoleFullAccess: only when an AWS service (DRS) makes
                // the call with the caller's permissions.
                .conditions(Map.of("Bool", Map.of("aws:ViaAWSService", "true")))
                .build());
        statements.add(PolicyStatement.Builder.create()
                .sid("DrsInstanceRoles")
                .actions(List.of("iam:PassRole"))
                .resources(List.of(
                        "arn:" + partition + ":iam::" + account
                                + ":role/service-role/AWSElasticDisasterRecoveryRecoveryInstanceRole",
                        "arn:" + partition + ":iam::" + account
                                + ":role/service-role/AWSElasticDisasterRecoveryConversionServerRole"))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ec2.amazonaws.com")))
                .build());
        // Wave actions: SSM documents on recovery instances, and the deployment's own Lambda functions.
        statements.add(statement(
                "WaveActionCommands",
                List.of("ssm:SendCommand"),
                List.of(
                        "arn:" + partition + ":ssm:*:" + account + ":document/*",
                        "arn:" + partition + ":ssm:*::document/AWS-*",
                        ec2 + "instance/*")));
        statements.add(statement("WaveActionResults", List.of("ssm:GetCommandInvocation"), List.of("*")));
        statements.add(statement(
                "WaveActionFunctions",
                List.of("lambda:InvokeFunction"),
                List.of(
                        "arn:" + partition + ":lambda:*:" + account + ":function:" + prefix + "-*",
                        "arn:" + partition + ":lambda:*:" + account + ":function:" + prefix + "-*:*")));
        return statements;
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .actions(actions)
                .resources(resources)
                .build();
    }
}
